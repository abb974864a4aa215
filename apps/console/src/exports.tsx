import { useState } from 'react';
import { storedToken } from './client';
import { useI18n } from './i18n';
import { lastMonth } from './ui';

/** The lists of a village the console offers as downloads (gateway `GET /exports/<kind>.<format>`). */
const KINDS = ['households', 'residents', 'cadres', 'posts', 'payroll', 'disputes', 'points'] as const;

/** The file name the gateway gave (`filename*=UTF-8''…`), else a plain one. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  return encoded ? decodeURIComponent(encoded) : fallback;
}

/**
 * 导出 download links of a village's lists, CSV and XLSX: fetched with the bearer token (a plain
 * link could not carry it) and saved under the name the gateway gave; a refusal shows its code.
 */
export function VillageExports({ code }: { code: string }) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  const download = async (kind: string, format: 'csv' | 'xlsx') => {
    setFailure(null);
    const month = kind === 'payroll' ? `&month=${lastMonth()}` : '';
    const res = await fetch(`/exports/${kind}.${format}?region=${code}${month}`, { headers: { authorization: `Bearer ${storedToken() ?? ''}` } });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { errors?: { extensions?: { code?: string } }[] } | null;
      setFailure(`${kind}.${format}: ${body?.errors?.[0]?.extensions?.code ?? res.status}`);
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileNameOf(res.headers.get('content-disposition'), `${kind}_${code}.${format}`);
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <p data-testid="village-exports">
      {t('exports')}:{' '}
      {KINDS.map((kind) => (
        <span key={kind}>
          {t(`export_${kind}`)} (
          {(['csv', 'xlsx'] as const).map((format, i) => (
            <span key={format}>
              {i > 0 && ' · '}
              <button type="button" className="link" data-testid={`export-${kind}-${format}`} onClick={() => void download(kind, format)}>
                {format.toUpperCase()}
              </button>
            </span>
          ))}
          ){' '}
        </span>
      ))}
      {failure && <span role="alert">{failure}</span>}
    </p>
  );
}
