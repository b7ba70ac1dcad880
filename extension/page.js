// @ts-check
// What the extension's own pages (the settings page, the popup) share about their
// documents.

/**
 * The element `id` of the page's own HTML, as the control it is used as. Every id a page
 * names is in its HTML (a missing one fails the page's tests at once), so it is not
 * checked for null at each use; the type joins the controls' properties because the pages
 * use `$` for inputs, menus and buttons alike.
 *
 * @param {string} id
 * @returns {HTMLInputElement & Pick<HTMLSelectElement, "add" | "options" | "selectedIndex">}
 */
export const $ = (id) => /** @type {any} */ (document.getElementById(id));
