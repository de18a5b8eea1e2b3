// The archetype jar does not keep file modes: make the launcher executable, so the README's ./manage works as is.
// (Post-generate scripts need maven-archetype-plugin 3.4.1 or newer on JDK 25: 3.4.0's Groovy cannot read its classes.)
def manage = new File(new File(request.outputDirectory, request.artifactId), "manage")
manage.setExecutable(true, false)
