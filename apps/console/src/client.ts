import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';

const TOKEN_KEY = 'xz.console.token';

/** What the console reads from the token (the actor the platform signed); the gateway checks it. */
export interface TokenActor {
  id: string;
  name?: string;
  roles: string[];
  scope: string;
}

export function storedToken(): string | null {
  return window.sessionStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string | null): void {
  if (token) window.sessionStorage.setItem(TOKEN_KEY, token);
  else window.sessionStorage.removeItem(TOKEN_KEY);
}

/** The actor in a JWT's payload, or null when it is not one. */
export function actorOf(token: string): TokenActor | null {
  const part = token.trim().split('.')[1];
  if (!part) return null;
  try {
    const json = new TextDecoder().decode(Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    const payload = JSON.parse(json) as Partial<TokenActor>;
    if (typeof payload.id !== 'string' || typeof payload.scope !== 'string' || !Array.isArray(payload.roles)) return null;
    return { id: payload.id, name: payload.name, roles: payload.roles, scope: payload.scope };
  } catch {
    return null;
  }
}

/** Apollo Client on the gateway's /graphql of this origin, with the bearer token and the language. */
export function createClient(token: string, lang: () => string): ApolloClient {
  const auth = new SetContextLink((prev) => ({
    headers: { ...prev.headers, authorization: `Bearer ${token}`, 'accept-language': lang() },
  }));
  return new ApolloClient({
    link: ApolloLink.from([auth, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache(),
  });
}
