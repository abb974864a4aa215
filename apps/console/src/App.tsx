import { ApolloProvider } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { actorOf, createClient, storedToken, storeToken } from './client';
import { I18nContext, makeI18n, type Lang } from './i18n';
import { IncidentsPage } from './pages/Incidents';
import { PluginsPage } from './pages/Plugins';
import { RegionsPage } from './pages/Regions';
import { VillagePage } from './pages/Village';

/** `#/regions/<code>`, `#/village/<code>`, `#/incidents/<code>`, `#/plugins/<code>`. */
function useRoute(): string[] {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash.replace(/^#\/?/, '').split('/').filter(Boolean);
}

function Login({ onToken }: { onToken: (token: string) => void }) {
  const i18n = makeI18n(document.documentElement.lang === 'en' ? 'en' : 'zh');
  const { t } = i18n;
  const [token, setToken] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (actorOf(token)) onToken(token.trim());
    else setInvalid(true);
  };
  return (
    <form className="login" onSubmit={submit} data-testid="login">
      <label>
        {t('token')}
        <textarea name="token" rows={4} value={token} onChange={(ev) => setToken(ev.target.value)} placeholder={t('tokenHint')} />
      </label>
      {invalid && (
        <p className="error" role="alert">
          {t('tokenInvalid')}
        </p>
      )}
      <button type="submit">{t('login')}</button>
    </form>
  );
}

export function App() {
  const [lang, setLang] = useState<Lang>(() => (window.localStorage.getItem('xz.console.lang') === 'en' ? 'en' : 'zh'));
  const [token, setToken] = useState<string | null>(() => storedToken());
  const langRef = useRef(lang);
  langRef.current = lang;
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    window.localStorage.setItem('xz.console.lang', lang);
  }, [lang]);
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  const client = useMemo(() => (token ? createClient(token, () => (langRef.current === 'zh' ? 'zh-CN' : 'en')) : null), [token]);
  const actor = token ? actorOf(token) : null;
  const route = useRoute();
  const { t } = i18n;
  const login = (value: string) => {
    storeToken(value);
    setToken(value);
    const scope = actorOf(value)?.scope;
    if (scope) window.location.hash = `#/regions/${scope}`;
  };
  const logout = () => {
    storeToken(null);
    setToken(null);
    void client?.clearStore();
  };
  const [page, code] = route;
  const target = code ?? actor?.scope ?? '';
  return (
    <I18nContext.Provider value={i18n}>
      <header>
        <h1>{t('appTitle')}</h1>
        {actor && (
          <nav>
            <a href={`#/regions/${actor.scope}`}>{t('regions')}</a>
            <a href={`#/incidents/${actor.scope}`}>{t('incidents')}</a>
            <a href={`#/plugins/${actor.scope}`}>{t('plugins')}</a>
            <span data-testid="actor">
              {t('signedInAs')}: {actor.name ?? actor.id}（{actor.roles.join(', ')} · {actor.scope}）
            </span>
            <button onClick={logout}>{t('logout')}</button>
          </nav>
        )}
        <button data-testid="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t('switchLang')}
        </button>
      </header>
      <main>
        {!client || !actor ? (
          <Login onToken={login} />
        ) : (
          <ApolloProvider client={client}>
            {page === 'village' && code ? (
              <VillagePage key={code} code={code} />
            ) : page === 'plugins' ? (
              <PluginsPage key={target} code={target} />
            ) : page === 'incidents' ? (
              <IncidentsPage key={target} code={target} />
            ) : (
              <RegionsPage key={target} code={target} />
            )}
          </ApolloProvider>
        )}
      </main>
    </I18nContext.Provider>
  );
}
