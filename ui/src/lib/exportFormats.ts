import type { ExportFormat } from "../bindings/ExportFormat";

export type ExportFormatGroup = "Document" | "Data";

type ExportFormatInfo = {
  /** What the format select shows. */
  label: string;
  /** The file name extension, without the dot. */
  extension: string;
  /** The file type name in the save dialog's filter. */
  filterName: string;
  group: ExportFormatGroup;
};

/** Every format the back end writes; the Record makes a new format a type error until it is described here. */
const EXPORT_FORMATS: Record<ExportFormat, ExportFormatInfo> = {
  markdown: { label: "Markdown", extension: "md", filterName: "Markdown", group: "Document" },
  html: { label: "HTML", extension: "html", filterName: "HTML page", group: "Document" },
  docx: { label: "Word (DOCX)", extension: "docx", filterName: "Word document", group: "Document" },
  pdf: { label: "PDF", extension: "pdf", filterName: "PDF", group: "Document" },
  csv: { label: "CSV (statements)", extension: "csv", filterName: "CSV", group: "Data" },
  json: { label: "JSON (statements)", extension: "json", filterName: "JSON", group: "Data" },
  jsonld: { label: "Web Annotation JSON-LD", extension: "jsonld", filterName: "JSON-LD", group: "Data" },
  graphml: { label: "GraphML network", extension: "graphml", filterName: "GraphML", group: "Data" },
  gexf: { label: "GEXF network", extension: "gexf", filterName: "GEXF", group: "Data" },
};

export function exportFormatInfo(format: ExportFormat): ExportFormatInfo {
  return EXPORT_FORMATS[format];
}

/** The formats of one group, in the order the select lists them. */
export function exportFormatsIn(group: ExportFormatGroup): ExportFormat[] {
  return (Object.keys(EXPORT_FORMATS) as ExportFormat[]).filter((format) => EXPORT_FORMATS[format].group === group);
}

export const EXPORT_FORMAT_GROUPS: readonly ExportFormatGroup[] = ["Document", "Data"];
