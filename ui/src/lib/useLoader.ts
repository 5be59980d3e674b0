import { useCallback, useEffect, useRef, useState, type DependencyList } from "react";
import { useFeedback } from "../components/Feedback";

type Loaded<T> = {
  data: T | null;
  loading: boolean;
  error: unknown;
  /** Loads again (after a change the caller made). */
  reload: () => void;
  /** Replaces the data with a fresher copy a command returned. */
  setData: (data: T) => void;
};

/**
 * Runs `load` whenever `deps` change and keeps only the latest answer, so a slow
 * response for an old article never overwrites the current one. Failures go to
 * the error banner as well as into `error`.
 */
export function useLoader<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const { showError } = useFeedback();

  useEffect(() => {
    let current = true;
    setLoading(true);
    latestLoad
      .current()
      .then((value) => {
        if (!current) return;
        setData(value);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!current) return;
        setError(err);
        showError(err);
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [...deps, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, loading, error, reload, setData };
}
