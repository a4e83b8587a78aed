/* A record's page: the slider shows the record as it stood after each recording of its trail (the states are in
   the slider's data-states, one per entry of the trail, as the audit API answers them). */
(function () {
    'use strict';
    var slider = document.getElementById('as-of');
    if (!slider) {
        return;
    }
    var states = JSON.parse(slider.getAttribute('data-states'));
    // the bundle's labels of the coded values (MALE → 男), as the current state shows them; the value in data-value
    var valueLabels = JSON.parse(slider.getAttribute('data-labels') || '{}');
    var rows = document.querySelectorAll('#timeline tbody tr');
    var table = document.getElementById('state-as-of');
    var labels = {};
    document.querySelectorAll('#current-state th').forEach(function (th) {
        labels[th.nextElementSibling.getAttribute('data-field')] = th.textContent;
    });
    function show() {
        var index = Number(slider.value);
        var state = states[index];
        table.textContent = '';
        Object.keys(state).forEach(function (key) {
            var value = state[key];
            if (Array.isArray(value)) {
                return;
            }
            var tr = table.insertRow();
            var th = document.createElement('th');
            th.textContent = labels[key] || key;
            tr.appendChild(th);
            var td = tr.insertCell();
            td.setAttribute('data-field', key);
            var text = value === null ? '' : (typeof value === 'object' ? JSON.stringify(value) : String(value));
            td.setAttribute('data-value', text);
            td.textContent = Object.prototype.hasOwnProperty.call(valueLabels, text) ? valueLabels[text] : text;
        });
        rows.forEach(function (row, i) {
            row.classList.toggle('after', i > index);
            row.classList.toggle('current', i === index);
        });
        // shown in the registry's time zone; the instant itself (as the audit API answers it) in data-instant
        var instant = document.getElementById('as-of-instant');
        instant.textContent = rows[index].getAttribute('data-recorded-local');
        instant.setAttribute('data-instant', rows[index].getAttribute('data-recorded-at'));
        document.getElementById('as-of-event').textContent = rows[index].cells[1].textContent;
        slider.setAttribute('aria-valuetext', rows[index].getAttribute('data-recorded-local'));
    }
    slider.addEventListener('input', show);
    show();
})();
