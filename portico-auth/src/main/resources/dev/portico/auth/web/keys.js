// The copy button of a new API key. The page works without it (the key is in a read-only field to select and
// copy by hand); with JavaScript on, the button is shown and copies the key to the clipboard. A file of its own,
// not inline, so the page's Content-Security-Policy can refuse every inline script.
(function () {
  'use strict';

  function say(button, text) {
    var status = button.closest('.card') && button.closest('.card').querySelector('.copy-status');
    if (status) {
      status.textContent = text;
    }
  }

  function selectAll(field) {
    field.focus();
    field.select();
    field.setSelectionRange(0, field.value.length);
  }

  function copy(button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    if (!field) {
      return;
    }
    selectAll(field);
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () {
        button.textContent = 'Copied';
        say(button, 'The key is on your clipboard.');
      }, function () {
        say(button, 'Copying was refused: the key is selected, press Ctrl+C (or \u2318C).');
      });
    } else {
      var copied = false;
      try {
        copied = document.execCommand('copy');
      } catch (e) {
        copied = false;
      }
      say(button, copied ? 'The key is on your clipboard.' : 'The key is selected: press Ctrl+C (or \u2318C).');
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('button[data-copy]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () { copy(button); });
    });
    document.querySelectorAll('.secret-value').forEach(function (field) {
      field.addEventListener('focus', function () { selectAll(field); });
    });
  });
})();
