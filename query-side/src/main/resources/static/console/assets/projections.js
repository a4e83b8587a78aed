/* The projections page: every second, the projections' states and progress from /console/projections/status
   (the API's GET /api/admin/projections for this user); a replay or verification is started without leaving. */
(function () {
    'use strict';
    function refresh() {
        fetch('/console/projections/status', {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
            .then(function (answer) { return answer.ok ? answer.json() : []; })
            .then(function (projections) {
                projections.forEach(function (p) {
                    var row = document.querySelector('[data-projection="' + p.name + '"]');
                    if (!row) { return; }
                    row.querySelector('[data-cell=state]').textContent = p.state;
                    row.querySelector('[data-cell=position]').textContent = p.position + ' / ' + p.head;
                    row.querySelector('[data-cell=lag]').textContent = p.lag;
                    row.querySelector('progress').value = p.progress;
                    row.querySelector('[data-cell=progress]').textContent = p.progress + '%';
                    row.querySelector('[data-cell=rebuild]').textContent =
                        p.rebuild ? p.rebuild.kind + ' ' + p.rebuild.state : '';
                });
            })
            .catch(function () {});
    }
    document.querySelectorAll('#projections form').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            fetch(form.action, {method: 'POST', body: new FormData(form), credentials: 'same-origin',
                                redirect: 'manual'}).then(refresh);
            refresh();
        });
    });
    setInterval(refresh, 1000);
})();
