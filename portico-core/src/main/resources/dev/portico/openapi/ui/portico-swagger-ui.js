// Starts Swagger UI on the schema that the page names in data-schema-url. It lives in a file of its own,
// not inline in the page, so the page's Content-Security-Policy can refuse every inline script.
(function () {
  var root = document.getElementById('swagger-ui');
  var csrfCookie = root.getAttribute('data-csrf-cookie');
  var safe = { GET: true, HEAD: true, OPTIONS: true, TRACE: true };

  function cookie(name) {
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (parts[i].substring(0, eq) === name) {
        return decodeURIComponent(parts[i].substring(eq + 1));
      }
    }
    return null;
  }

  window.ui = SwaggerUIBundle({
    url: root.getAttribute('data-schema-url'),
    domNode: root,
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    // the online validator badge would call a server on the Internet: the pages work offline
    validatorUrl: null,
    // a signed-in session's unsafe requests carry the CSRF cookie's token, as drf-spectacular's page sends it
    requestInterceptor: function (request) {
      var token = csrfCookie ? cookie(csrfCookie) : null;
      if (token && !safe[(request.method || 'GET').toUpperCase()]) {
        request.headers['X-CSRFToken'] = token;
      }
      return request;
    }
  });
})();
