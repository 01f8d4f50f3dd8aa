// The printed ledger's 打印 button: the browser's print dialog (the page's @media print hides the button).
(function () {
  'use strict';
  var button = document.getElementById('print');
  if (button) {
    button.addEventListener('click', function () { window.print(); });
  }
})();
