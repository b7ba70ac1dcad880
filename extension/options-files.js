// @ts-check
// What the settings page's sections share to move a document in and out as a file: a
// download of text (JSON, CSV), and a file picker opened by its own button.

/** Downloads `text` as the file `name` of MIME `type`, from an object URL freed once the
 * download has its own copy. */
export function download(name, text, type) {
  const link = Object.assign(document.createElement("a"), { download: name });
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Downloads `text` as the JSON file `name`. */
export const downloadJson = (name, text) => download(name, text, "application/json");

/** Opens `input` (a hidden file input) from `button`, and calls `onFile` with the file
 * chosen. The input is emptied at once, so the same file may be chosen again. */
export function onFileChosen(button, input, onFile) {
  button.addEventListener("click", () => input.click());
  input.addEventListener("change", () => {
    const [file] = input.files;
    input.value = "";
    if (file) onFile(file);
  });
}
