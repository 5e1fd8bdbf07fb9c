// before anything else runs: every script error, failed load, blocked request or console error lands in the
// page (#page-errors, body[data-errors]), where a reader and a headless check both see it
(function () {
  var seen = [];
  function add(message) {
    var list = document.getElementById('page-errors');
    if (!list) {
      seen.push(String(message)); // shown once the list exists
    } else {
      var li = document.createElement('li');
      li.className = 'page-error';
      li.textContent = String(message);
      list.appendChild(li);
      document.body.setAttribute('data-errors', String(list.children.length));
    }
  }
  window.addEventListener('error', function (e) {
    add(e.message || ('failed to load ' + (e.target && (e.target.src || e.target.href))));
  }, true);
  window.addEventListener('unhandledrejection', function (e) { add('unhandled rejection: ' + e.reason); });
  document.addEventListener('securitypolicyviolation', function (e) { add('blocked: ' + e.blockedURI); });
  var error = console.error;
  console.error = function () { add(Array.prototype.join.call(arguments, ' ')); error.apply(console, arguments); };
  window.addEventListener('DOMContentLoaded', function () { var s = seen; seen = []; s.forEach(add); });
})();
