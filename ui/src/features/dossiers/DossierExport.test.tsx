import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Channel } from "@tauri-apps/api/core";
import { act } from "react";
import { describe, expect, it } from "vitest";
import type { ExportProgress } from "../../bindings/ExportProgress";
import type { ExportReport } from "../../bindings/ExportReport";
import { apiError } from "../../test/backend";
import { openDossiers } from "../../test/dossiers";

const BUILT_IN_STYLES = [
  { name: "attest", template: "{{ [byline, title | italic] | select | join(', ') }}." },
  { name: "chicago", template: "{{ byline }}, “{{ title }}.”" },
  { name: "apa", template: "{{ byline or outlet }} ({{ published or 'n.d.' }}). {{ title | italic }}." },
];

const exportButton = () => screen.getByTestId<HTMLButtonElement>("export-dossier");
const formatSelect = () => screen.getByTestId<HTMLSelectElement>("export-format");

describe("Dossier export", () => {
  it("offers document and data formats in two groups", async () => {
    await openDossiers();
    const groups = Array.from(formatSelect().querySelectorAll("optgroup"));
    expect(groups.map((group) => group.label)).toEqual(["Document", "Data"]);
    expect(Array.from(groups[0].querySelectorAll("option")).map((o) => o.textContent)).toEqual([
      "Markdown",
      "HTML",
      "Word (DOCX)",
      "PDF",
    ]);
    expect(Array.from(groups[1].querySelectorAll("option")).map((o) => o.value)).toEqual([
      "csv",
      "json",
      "jsonld",
      "graphml",
      "gexf",
    ]);
  });

  it("exports in the chosen format to the chosen path, showing progress, and remembers the format", async () => {
    let finish: (report: ExportReport) => void = () => {};
    let progress: Channel<ExportProgress> | null = null;
    const backend = await openDossiers({
      "plugin:dialog|save": () => "/home/analyst/Red lines.docx",
      export_dossier: (args) => {
        progress = args.on_progress as Channel<ExportProgress>;
        return new Promise<ExportReport>((resolve) => (finish = resolve));
      },
    });
    fireEvent.change(formatSelect(), { target: { value: "docx" } });
    fireEvent.click(exportButton());

    const line = await screen.findByTestId("export-progress");
    expect(line.textContent).toBe("Gathering sources…");
    expect(exportButton().disabled).toBe(true);
    act(() => progress!.onmessage({ done: 340, total: 1000 }));
    expect(line.textContent).toBe(`Gathering sources… 340 / ${new Intl.NumberFormat().format(1000)}`);
    act(() => progress!.onmessage({ done: 1000, total: 1000 }));
    expect(line.textContent).toBe("Writing the file…");

    expect(backend.callsTo("plugin:dialog|save")[0].options).toEqual({
      defaultPath: "Red lines.docx",
      filters: [{ name: "Word document", extensions: ["docx"] }],
    });
    expect(backend.callsTo("export_dossier")).toEqual([
      { dossier_id: 3, format: "docx", path: "/home/analyst/Red lines.docx", on_progress: expect.any(Channel) },
    ]);

    await act(async () => finish({ path: "/home/analyst/Red lines.docx", bytes: 20480 }));
    await screen.findByText("Exported to /home/analyst/Red lines.docx");
    expect(screen.queryByTestId("export-progress")).toBeNull();
    expect(exportButton().disabled).toBe(false);

    // Leaving the dossier and coming back keeps the format.
    fireEvent.click(screen.getByRole("tab", { name: "Statements" }));
    fireEvent.click(screen.getByRole("tab", { name: "Dossiers" }));
    await screen.findByTestId("dossier-detail");
    expect(formatSelect().value).toBe("docx");
  });

  it("names the file after the dossier with each format's extension", async () => {
    const backend = await openDossiers({ "plugin:dialog|save": () => null });
    for (const [format, extension, name] of [
      ["markdown", "md", "Markdown"],
      ["jsonld", "jsonld", "JSON-LD"],
      ["gexf", "gexf", "GEXF"],
    ]) {
      fireEvent.change(formatSelect(), { target: { value: format } });
      fireEvent.click(exportButton());
      await waitFor(() =>
        expect(backend.callsTo("plugin:dialog|save").at(-1)!.options).toEqual({
          defaultPath: `Red lines.${extension}`,
          filters: [{ name, extensions: [extension] }],
        }),
      );
    }
    // Cancelling the dialog exports nothing.
    expect(backend.callsTo("export_dossier")).toEqual([]);
  });

  it("shows why an export failed", async () => {
    await openDossiers({
      "plugin:dialog|save": () => "/read-only/Red lines.pdf",
      export_dossier: () => apiError("io", "Could not write /read-only/Red lines.pdf: permission denied"),
    });
    fireEvent.change(formatSelect(), { target: { value: "pdf" } });
    fireEvent.click(exportButton());
    expect((await screen.findByRole("alert")).textContent).toContain("permission denied");
    expect(screen.queryByTestId("export-progress")).toBeNull();
    expect(exportButton().disabled).toBe(false);
  });
});

describe("Citation style", () => {
  async function openCitationStyle(setCitationStyle: (args: Record<string, unknown>) => unknown) {
    const backend = await openDossiers({
      citation_styles: () => BUILT_IN_STYLES,
      citation_style: () => BUILT_IN_STYLES[0],
      set_citation_style: setCitationStyle,
      // The back end renders a sample citation; here: the template's text, the title in italics.
      preview_citation: ({ style }) => {
        const { template } = style as { template: string };
        if (template.includes("{% if %}")) apiError("invalid", "the citation template cannot be used: syntax error");
        return [
          { text: `${template.length} chars, `, italic: false },
          { text: "Talks resume on the corridor", italic: true },
        ];
      },
    });
    fireEvent.click(screen.getByTestId("citation-style"));
    const dialog = await screen.findByTestId("citation-style-dialog");
    await waitFor(() => expect(within(dialog).getByLabelText<HTMLInputElement>("Attest").checked).toBe(true));
    return { backend, dialog };
  }

  const template = (dialog: HTMLElement) => within(dialog).getByTestId<HTMLTextAreaElement>("citation-template");

  it("shows a built-in style's template and saves an edited one as a custom style", async () => {
    const { backend, dialog } = await openCitationStyle(({ style }) => style);
    expect(template(dialog).value).toBe(BUILT_IN_STYLES[0].template);
    expect(within(dialog).queryByLabelText("Custom")).toBeNull();

    fireEvent.click(within(dialog).getByLabelText("Chicago"));
    expect(template(dialog).value).toBe(BUILT_IN_STYLES[1].template);

    const edited = "{{ byline }}: {{ title | italic }} ({{ outlet }})";
    fireEvent.change(template(dialog), { target: { value: edited } });
    expect(within(dialog).getByLabelText<HTMLInputElement>("Custom").checked).toBe(true);
    // Trying another style and coming back keeps the edit.
    fireEvent.click(within(dialog).getByLabelText("APA"));
    fireEvent.click(within(dialog).getByLabelText("Custom"));
    expect(template(dialog).value).toBe(edited);

    fireEvent.click(within(dialog).getByTestId("save-citation-style"));
    await screen.findByText("Citation style: Custom");
    expect(backend.callsTo("set_citation_style")).toEqual([{ style: { name: "custom", template: edited } }]);
    expect(screen.queryByTestId("citation-style-dialog")).toBeNull();
  });

  it("keeps the dialog open and says what is wrong with a broken template", async () => {
    const { dialog } = await openCitationStyle(() =>
      apiError("invalid", "The citation template does not compile: unexpected end of input (line 1)"),
    );
    fireEvent.change(template(dialog), { target: { value: "{{ title" } });
    fireEvent.click(within(dialog).getByTestId("save-citation-style"));
    const error = await within(dialog).findByTestId("citation-style-error");
    expect(error.textContent).toBe("The citation template does not compile: unexpected end of input (line 1)");
    expect(template(dialog).value).toBe("{{ title");
    // Editing again clears the message.
    fireEvent.change(template(dialog), { target: { value: "{{ title }}" } });
    expect(within(dialog).queryByTestId("citation-style-error")).toBeNull();
  });

  it("previews the citation as the template is edited, and why a broken one cannot be used", async () => {
    const { dialog } = await openCitationStyle(({ style }) => style);
    const preview = within(dialog).getByTestId("citation-preview");
    await waitFor(() => expect(preview.querySelector("i")?.textContent).toBe("Talks resume on the corridor"));
    fireEvent.change(template(dialog), { target: { value: "{{ title }}" } });
    await waitFor(() => expect(preview.textContent).toContain("11 chars, "));
    fireEvent.change(template(dialog), { target: { value: "{% if %}" } });
    await waitFor(() => expect(preview.textContent).toContain("cannot be used: syntax error"));
  });
});
