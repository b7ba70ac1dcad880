// The three kinds of composer the replica offers (Lexical, a textarea, a plain
// contenteditable div), with one interface:
//   {element, input, sendButton, modelText(), draft(), focus(), clear(), replaceText(text), destroy()}
// element: what goes into the page; input: the text box itself; draft(): what to keep so a
// new composer can take over (a thread switch, a re-render), passed back as `draft`;
// replaceText(text): the page itself replaces the draft (each line a paragraph in Lexical),
// through the editor's model and without an input event, as the page's own code does.
//
// The Lexical one is the real editor from npm, set up the way Meta's composers are: rich
// text (Shift+Enter starts a paragraph), history (Ctrl+Z), Enter sends, the placeholder a
// sibling element, and on Facebook comments the commenter's name as a mention that
// Backspace shortens a word at a time.

import { registerHistory, createEmptyHistoryState } from "@lexical/history";
import { registerRichText } from "@lexical/rich-text";
import { mergeRegister } from "@lexical/utils";
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  COMMAND_PRIORITY_HIGH,
  createEditor,
  INSERT_PARAGRAPH_COMMAND,
  KEY_ENTER_COMMAND,
  SKIP_DOM_SELECTION_TAG,
  TextNode,
} from "lexical";
import { cls, h, svgIcon } from "./dom.js";

/** A mention as Facebook's comment box makes one: a segmented text node, so Backspace
 * removes the last name first and leaves the first name, as the guidelines want. */
class MentionNode extends TextNode {
  $config() {
    return this.config("mention", { extends: TextNode });
  }

  constructor(text = "", key = undefined) {
    super(text, key);
  }

  createDOM(config) {
    const element = super.createDOM(config);
    element.className = cls.mention;
    return element;
  }

  isTextEntity() {
    return true;
  }

  canInsertTextBefore() {
    return false;
  }

  canInsertTextAfter() {
    return false;
  }
}

/**
 * label: the placeholder (and, unless ariaLabel says otherwise, the aria-label); ariaLabel:
 * the text box's aria-label (null: none); sendLabel: the Send button's label; sendIcon: the
 * button shows an icon, not its label; draft: a
 * previous composer's draft() or null; mention: a name to start an empty draft with, as a
 * mention; prefix: plain text to start an empty draft with; onChange(draft): after every
 * change; onSend(text): Enter or the Send button with a non-blank draft.
 */
export function createLexicalComposer({ label, ariaLabel = label, sendLabel = "Send", sendIcon, draft, mention, prefix, onChange, onSend }) {
  const input = h("div", {
    class: cls.editor,
    contenteditable: "true",
    role: "textbox",
    spellcheck: "true",
    tabindex: "0",
    "aria-label": ariaLabel,
    "aria-placeholder": label,
  });
  const placeholder = h("div", { class: cls.placeholder, "aria-hidden": "true" }, label);
  const box = h("div", { class: cls.composerBox }, input, placeholder);

  const editor = createEditor({
    namespace: "BizInboxComposer",
    nodes: [MentionNode],
    theme: { paragraph: cls.paragraph },
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(input);

  const modelText = () => editor.getEditorState().read(() => $getRoot().getTextContent());
  const send = () => {
    const text = modelText();
    if (text.trim() !== "") onSend(text);
  };

  const unregister = [
    registerRichText(editor),
    editor.registerUpdateListener(({ editorState }) => {
      placeholder.hidden = editorState.read(() => $getRoot().getTextContent()) !== "";
      onChange({ lexical: editorState.toJSON() });
    }),
    // Enter sends, as in Meta's inbox; Shift+Enter starts a new paragraph.
    editor.registerCommand(
      KEY_ENTER_COMMAND,
      (event) => {
        if (event?.isComposing) return false;
        event?.preventDefault();
        if (event?.shiftKey) editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined);
        else send();
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
  ];

  // The draft is restored before history starts, so Ctrl+Z cannot undo it away.
  if (draft?.lexical) {
    editor.setEditorState(editor.parseEditorState(draft.lexical));
  } else {
    editor.update(
      () => {
        const paragraph = $createParagraphNode();
        if (mention) paragraph.append($createMentionNode(mention), $createTextNode(" "));
        else if (prefix) paragraph.append($createTextNode(prefix));
        $getRoot().clear().append(paragraph);
      },
      { discrete: true },
    );
  }
  unregister.push(registerHistory(editor, createEmptyHistoryState(), 300));
  const unregisterAll = mergeRegister(...unregister);

  const sendButton = sendButtonFor(send, sendLabel, sendIcon);
  return {
    element: h("div", { class: cls.composerBar }, box, sendButton),
    input,
    sendButton,
    modelText,
    draft: () => ({ lexical: editor.getEditorState().toJSON() }),
    focus: () => editor.focus(),
    clear: () =>
      editor.update(() => {
        $getRoot().clear().append($createParagraphNode());
      }),
    replaceText: (text) =>
      editor.update(
        () => {
          const paragraphs = text.split("\n").map((line) => {
            const paragraph = $createParagraphNode();
            if (line !== "") paragraph.append($createTextNode(line));
            return paragraph;
          });
          $getRoot().clear().append(...paragraphs);
        },
        // The page's own change leaves the selection, and so the focus, where it is.
        { discrete: true, tag: SKIP_DOM_SELECTION_TAG },
      ),
    destroy: () => {
      unregisterAll();
      editor.setRootElement(null);
    },
  };
}

function $createMentionNode(name) {
  return new MentionNode(name).setMode("segmented");
}

/** The same contract on a plain <textarea>, which keeps its own text as its model;
 * attributes: more (or, with null, fewer) attributes for it. */
export function createTextareaComposer({ label, ariaLabel = label, attributes = {}, ...options }) {
  const input = h("textarea", { class: cls.textarea, "aria-label": ariaLabel, placeholder: label, rows: "3", dir: "auto", ...attributes });
  return plainComposer({
    ...options,
    input,
    box: h("div", { class: cls.composerBox }, input),
    read: () => input.value,
    write: (text) => {
      input.value = text;
    },
  });
}

/**
 * The same contract on a plain contenteditable div (role=textbox, no editor framework), as
 * a page without Lexical writes one: the browser edits it itself, so typing,
 * execCommand("insertText"), beforeinput and Ctrl+Z behave as on any contenteditable, and
 * Shift+Enter is the browser's line break (a <br>). Its model is its text: innerText,
 * lines joined by "\n". The placeholder is a sibling shown while the box is empty.
 */
export function createEditableComposer({ label, ariaLabel = label, ...options }) {
  const input = h("div", {
    class: cls.editable,
    contenteditable: "true",
    role: "textbox",
    "aria-multiline": "true",
    spellcheck: "true",
    tabindex: "0",
    "aria-label": ariaLabel,
    "aria-placeholder": label,
  });
  const placeholder = h("div", { class: cls.placeholder, "aria-hidden": "true" }, label);
  return plainComposer({
    ...options,
    input,
    box: h("div", { class: cls.composerBox }, input, placeholder),
    // The browser ends a box whose last line is empty with a <br> that innerText counts
    // but that shows no line of its own: it is not part of the text.
    read: () => (input.lastChild?.nodeName === "BR" ? input.innerText.replace(/\n$/, "") : input.innerText),
    // Lines between <br>s, and the browser's extra <br> after a final line break.
    write: (text) => {
      const lines = text.split("\n").flatMap((line, i) => [i > 0 ? h("br") : null, line || null]).filter(Boolean);
      input.replaceChildren(...lines, ...(text.endsWith("\n") ? [h("br")] : []));
    },
    shown: (text) => {
      placeholder.hidden = text !== "";
    },
    // Focus puts the caret at the end of the draft, where the agent goes on writing.
    focus: () => {
      input.focus();
      getSelection().selectAllChildren(input);
      getSelection().collapseToEnd();
    },
  });
}

/**
 * What the textarea and the contenteditable composers share, over their text box `input`
 * in `box`: read() and write(text) its text; shown(text): after each change (the
 * placeholder); focus(): instead of input.focus(). Enter sends, Shift+Enter is the box's
 * own new line.
 */
function plainComposer({ input, box, read, write, shown, focus = () => input.focus(), sendLabel = "Send", sendIcon, draft, mention, prefix, onChange, onSend }) {
  write(draft?.text ?? (mention ? `${mention} ` : prefix ?? ""));
  shown?.(read());
  const send = () => {
    const text = read();
    if (text.trim() !== "") onSend(text);
  };
  const onInput = () => {
    const text = read();
    shown?.(text);
    onChange({ text });
  };
  const onKeyDown = (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  };
  input.addEventListener("input", onInput);
  input.addEventListener("keydown", onKeyDown);
  const sendButton = sendButtonFor(send, sendLabel, sendIcon);
  return {
    element: h("div", { class: cls.composerBar }, box, sendButton),
    input,
    sendButton,
    modelText: read,
    draft: () => ({ text: read() }),
    focus,
    clear: () => {
      write("");
      onInput();
    },
    replaceText: (text) => {
      write(text);
      onInput();
    },
    destroy: () => {
      input.removeEventListener("input", onInput);
      input.removeEventListener("keydown", onKeyDown);
    },
  };
}

/** The Send control: its label as its text, or with `icon` a paper plane (the label then
 * only in aria-label, as an icon button has it). */
function sendButtonFor(send, label, icon = false) {
  const button = h("div", { class: cls.send, role: "button", tabindex: "0", "aria-label": label }, icon ? svgIcon("0 0 24 24", cls.sendIcon, { d: "M2 21 23 12 2 3v7l15 2-15 2z", fill: "currentColor" }) : label);
  button.addEventListener("click", send);
  return button;
}
