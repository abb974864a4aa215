import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

/**
 * The language a client asked for in `Accept-Language`: `en` when an English tag ranks above every
 * Chinese one (by `q`, then order), else `zh` (the default, also without the header).
 */
export function preferredLanguage(header: string | undefined | null): 'zh' | 'en' {
  if (!header) return 'zh';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => t.q > 0 && (t.tag === 'en' || t.tag.startsWith('en-') || t.tag === 'zh' || t.tag.startsWith('zh-')))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'zh';
}

/**
 * Splits a bilingual message `中文 (English)` into its halves: at the first ` (` after which no
 * Chinese is written and that closes the message; null when the message is not of that shape.
 */
export function splitBilingual(message: string): { zh: string; en: string } | null {
  if (!message.endsWith(')')) return null;
  for (let at = message.indexOf(' ('); at > 0; at = message.indexOf(' (', at + 1)) {
    const zh = message.slice(0, at);
    const en = message.slice(at + 2, -1);
    if (CJK.test(zh) && !CJK.test(en)) return { zh, en };
  }
  return null;
}

/** An error with English first (`English (中文)`), both halves kept in `extensions.messageZh` / `messageEn`. */
export function englishFirst(error: GraphQLFormattedError): GraphQLFormattedError {
  const ext = error.extensions ?? {};
  const halves =
    typeof ext.messageZh === 'string' && typeof ext.messageEn === 'string' && error.message === `${ext.messageZh} (${ext.messageEn})`
      ? { zh: ext.messageZh, en: ext.messageEn }
      : splitBilingual(error.message);
  if (!halves) return error;
  return { ...error, message: `${halves.en} (${halves.zh})`, extensions: { ...ext, messageZh: halves.zh, messageEn: halves.en } };
}

/**
 * `Accept-Language: en` puts English first in every error message of the answer (subgraphs' errors
 * passing through included); Chinese first stays the default. The answer varies by the header.
 */
export function acceptLanguagePlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      const language = preferredLanguage(request.http?.headers.get('accept-language'));
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('vary', 'accept-language');
          if (language !== 'en' || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors) response.body.singleResult = { ...result, errors: result.errors.map(englishFirst) };
        },
      };
    },
  };
}
