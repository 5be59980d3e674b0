import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeIntersectionObserver, useFakeIntersectionObserver } from "../test/fakeIntersectionObserver";
import { GrowingList } from "./GrowingList";

describe("GrowingList", () => {
  useFakeIntersectionObserver();

  const items = Array.from({ length: 250 }, (_, i) => i);
  const renderList = () =>
    render(<GrowingList items={items} noun="notes" page={100} render={(n) => <li key={n} data-testid="row">{`note ${n}`}</li>} />);

  it("draws a page first, more on the button and as the end comes near, never more than there are", () => {
    renderList();
    expect(screen.getAllByTestId("row")).toHaveLength(100);
    fireEvent.click(screen.getByRole("button", { name: "Show 100 more notes (of 250)" }));
    expect(screen.getAllByTestId("row")).toHaveLength(200);
    act(() => FakeIntersectionObserver.current!.report(() => true, true));
    expect(screen.getAllByTestId("row")).toHaveLength(250);
    expect(screen.getByText("note 249")).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("a short list is drawn whole, without a button", () => {
    render(<GrowingList items={[1, 2, 3]} noun="notes" render={(n) => <li key={n}>{n}</li>} />);
    expect(screen.getAllByRole("listitem")).toHaveLength(3);
    expect(screen.queryByRole("button")).toBeNull();
  });
});
