import { useEffect, useState } from 'preact/hooks';
import { loadSettings, watchSettings, type LoadedSettings } from '../settings/store';

/** The settings, kept current when they change in another page. */
export function useSettings(): LoadedSettings | undefined {
  const [loaded, setLoaded] = useState<LoadedSettings>();
  useEffect(() => {
    void loadSettings().then(setLoaded);
    return watchSettings((settings) => setLoaded({ settings }));
  }, []);
  return loaded;
}
