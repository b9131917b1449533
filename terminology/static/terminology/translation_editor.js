/* Beside wagtail-localize's segment editor (terminology/templates/wagtail_localize/...):
 * - the term check runs again each time a segment is saved or deleted;
 * - "Use this translation" copies a translation made before into its segment in one click;
 * - the editor's heading, written in English by wagtail-localize's script, in the admin's
 *   language. */
(function () {
    "use strict";
    const layout = document.querySelector("[data-translation-id]");
    if (!layout) {
        return;
    }
    const SEGMENT_EDIT = /\/strings\/\d+\/edit\/$/;

    function refreshGlossary() {
        return fetch(window.location.href, { credentials: "same-origin" })
            .then((response) => response.text())
            .then((html) => {
                const fresh = new DOMParser().parseFromString(html, "text/html");
                const panel = fresh.querySelector(".terminology-glossary");
                const current = document.querySelector(".terminology-glossary");
                if (panel && current) {
                    current.replaceWith(panel);
                }
            });
    }

    const originalFetch = window.fetch.bind(window);
    window.fetch = function (resource, options) {
        const url = typeof resource === "string" ? resource : resource.url;
        const method = ((options && options.method) || "GET").toUpperCase();
        const request = originalFetch(resource, options);
        if (SEGMENT_EDIT.test(url) && (method === "PUT" || method === "DELETE")) {
            request.then((response) => {
                if (response.ok) {
                    refreshGlossary();
                }
            });
        }
        return request;
    };

    document.addEventListener("click", (event) => {
        const button = event.target.closest("[data-memory-segment]");
        if (!button) {
            return;
        }
        const body = new FormData();
        body.append("value", button.dataset.memoryValue);
        const url = layout.dataset.editUrl.replace(/\/0\/edit\/$/, `/${button.dataset.memorySegment}/edit/`);
        const token = document.querySelector("input[name=csrfmiddlewaretoken]").value;
        button.disabled = true;
        originalFetch(url, {
            method: "PUT",
            body,
            credentials: "same-origin",
            headers: { "X-CSRFToken": token },
        }).then((response) => {
            if (response.ok) {
                window.location.reload();
            } else {
                button.disabled = false;
            }
        });
    });

    const heading = layout.dataset.heading;
    const fixHeading = () => {
        layout.querySelectorAll("section h3").forEach((element) => {
            if (/ to .+ translation$/.test(element.textContent)) {
                element.textContent = heading;
            }
        });
    };
    new MutationObserver(fixHeading).observe(layout, { childList: true, subtree: true });
    fixHeading();
})();
