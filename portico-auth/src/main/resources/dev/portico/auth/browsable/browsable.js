// The browsable API's script: optional empty fields are left out of a form (an empty date is not a date), and the
// methods an HTML form cannot send (PUT, PATCH, DELETE, OPTIONS, the raw data tab) are sent with fetch, carrying
// the CSRF token in X-CSRFToken; the answer's page replaces this one. Loaded from this server only (CSP 'self').
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="csrf-token"]');
  var token = meta ? meta.getAttribute('content') : '';

  function show(response) {
    if (response.status === 204) { // deleted: nothing to show here, so up to the collection
      window.location.assign(new URL('..', response.url).pathname);
      return Promise.resolve();
    }
    return response.text().then(function (html) {
      document.open();
      document.write(html);
      document.close();
    });
  }

  function send(method, action, body, type) {
    var headers = { 'Accept': 'text/html', 'X-CSRFToken': token };
    if (type) {
      headers['Content-Type'] = type;
    }
    return fetch(action, { method: method, headers: headers, body: body, credentials: 'same-origin' }).then(show);
  }

  function dropEmptyOptional(form) {
    form.querySelectorAll('[data-optional]').forEach(function (input) {
      if (input.type !== 'file' && input.value === '') {
        input.disabled = true;
      } else if (input.type === 'file' && input.files.length === 0) {
        input.disabled = true;
      }
    });
  }

  document.querySelectorAll('form[data-form]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      dropEmptyOptional(form);
      var method = form.getAttribute('data-method');
      if (!method) {
        return; // POST: the browser sends the form itself, csrf_token included
      }
      event.preventDefault();
      var data = new FormData(form);
      if (form.enctype === 'multipart/form-data') {
        send(method, form.action, data, null);
      } else {
        send(method, form.action, new URLSearchParams(data).toString(), 'application/x-www-form-urlencoded');
      }
    });
  });

  document.querySelectorAll('form[data-raw]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      send(form.elements._method.value, form.action, form.elements._content.value, form.elements._content_type.value);
    });
  });

  document.querySelectorAll('button[data-method]').forEach(function (button) {
    button.addEventListener('click', function () {
      var question = button.getAttribute('data-confirm');
      if (question && !window.confirm(question)) {
        return;
      }
      send(button.getAttribute('data-method'), button.getAttribute('data-action'), null, null);
    });
  });
})();
