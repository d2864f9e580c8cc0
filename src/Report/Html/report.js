(function () {
  'use strict';
  var table = document.getElementById('issues');
  if (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var filter = document.getElementById('filter');
    var severity = document.getElementById('severity');
    var shown = document.getElementById('shown');
    var apply = function () {
      var text = filter.value.toLowerCase();
      var level = severity.value;
      var count = 0;
      rows.forEach(function (row) {
        var visible = (!level || row.getAttribute('data-severity') === level) &&
          (!text || row.textContent.toLowerCase().indexOf(text) >= 0);
        row.hidden = !visible;
        if (visible) { count++; }
      });
      shown.textContent = String(count);
    };
    filter.addEventListener('input', apply);
    severity.addEventListener('change', apply);
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = th.querySelector('button');
      if (!button) { return; }
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var numeric = th.getAttribute('data-type') === 'number';
        var key = function (row) {
          var cell = row.cells[index];
          var value = cell.getAttribute('data-sort');
          return value === null ? cell.textContent : value;
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var c = numeric ? Number(x) - Number(y) : (x < y ? -1 : x > y ? 1 : 0);
          return ascending ? c : -c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  document.documentElement.setAttribute('data-ready', 'true');
}());
