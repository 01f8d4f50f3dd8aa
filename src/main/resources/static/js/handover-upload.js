// The hand-over upload form: a file over the server's limit is refused here, before it is sent,
// with the page's own message (the server would refuse it after the whole upload).
(function () {
  var form = document.getElementById('handover-form');
  var input = document.getElementById('file');
  var message = document.getElementById('too-large');
  if (!form || !input || !message) {
    return;
  }
  var max = Number(form.getAttribute('data-max-bytes'));
  function tooLarge() {
    return input.files && input.files.length > 0 && input.files[0].size > max;
  }
  input.addEventListener('change', function () {
    message.hidden = !tooLarge();
  });
  form.addEventListener('submit', function (event) {
    if (tooLarge()) {
      event.preventDefault();
      message.hidden = false;
      message.focus();
    }
  });
})();
