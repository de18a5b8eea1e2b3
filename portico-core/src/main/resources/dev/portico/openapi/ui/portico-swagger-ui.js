// Starts Swagger UI on the schema that the page names in data-schema-url. It lives in a file of its own,
// not inline in the page, so the page's Content-Security-Policy can refuse every inline script.
(function () {
  var root = document.getElementById('swagger-ui');
  window.ui = SwaggerUIBundle({
    url: root.getAttribute('data-schema-url'),
    domNode: root,
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    // the online validator badge would call a server on the Internet: the pages work offline
    validatorUrl: null
  });
})();
