import { fireEvent, screen, waitFor } from "@testing-library/react";
import { expect } from "vitest";
import type { DossierItem } from "../bindings/DossierItem";
import type { FakeBackend, Handler } from "./backend";
import { DOSSIER, DOSSIER_ITEMS, dossierDetail, statement } from "./fixtures";
import { renderApp } from "./renderApp";

/** Moves an item the way the back end does, so the UI shows the new order. */
export function moved(items: DossierItem[], itemId: number, newIndex: number): DossierItem[] {
  const rest = items.filter((item) => item.id !== itemId);
  rest.splice(newIndex, 0, items.find((item) => item.id === itemId)!);
  return rest.map((item, position) => ({ ...item, position }));
}

/**
 * Renders the app on the Dossiers tab with DOSSIER open, holding `items`, and waits
 * until they show.
 */
export async function openDossiers(
  overrides: Record<string, Handler> = {},
  items: DossierItem[] = DOSSIER_ITEMS,
): Promise<FakeBackend> {
  let current = items;
  const backend = await renderApp({
    list_dossiers: () => [DOSSIER],
    get_dossier: () => dossierDetail(current),
    list_statements: () => [statement(21, "we will not back down"), statement(22, "talks would continue", "Li Qiang")],
    move_dossier_item: ({ item_id, new_index }) => {
      current = moved(current, item_id as number, new_index as number);
      return dossierDetail(current);
    },
    ...overrides,
  });
  fireEvent.click(screen.getByRole("tab", { name: "Dossiers" }));
  await screen.findByTestId("dossiers");
  await waitFor(() => expect(screen.queryAllByTestId("dossier-item")).toHaveLength(items.length));
  return backend;
}
