/* The imports pages: while an import runs, the page reloads every two seconds to move its progress bar. */
(function () {
    'use strict';
    if (document.querySelector('[data-status=RUNNING]')) {
        window.setTimeout(function () { window.location.reload(); }, 2000);
    }
})();
