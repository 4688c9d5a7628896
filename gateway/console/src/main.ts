/**
 * The console's entry point (served at `/console`). Signs in — with the token hook an
 * embedding application supplies as `window.switchboardConsole.getToken`, or in development
 * with one of the gateway's development identities — then opens the agent desk (a token
 * with an `agent_id`) and/or the supervisor wallboard (supervisors and admins).
 */
import './styles.css';
import { AgentDesk } from './agent-desk.js';
import { connect, type Connection } from './connection.js';
import { h, replace } from './dom.js';
import { language, onLanguageChange, setLanguage, t, type Language } from './i18n.js';
import { Session, type TokenProvider } from './session.js';
import { Status } from './status.js';
import { Wallboard } from './wallboard.js';

/** What an embedding application may set before loading the console. */
export interface ConsoleOptions {
  /** Returns a fresh token (and optionally its expiry); called at start and before each expiry. */
  getToken?: TokenProvider;
}

declare global {
  interface Window {
    switchboardConsole?: ConsoleOptions;
  }
}

interface DevIdentity {
  role: string;
  subject: string;
  team: string | null;
  agentId: string | null;
  label: string;
}

type View = 'agent' | 'wallboard';

const root = document.getElementById('app') ?? document.body.appendChild(h('div', { id: 'app' }));
const title = h('h1', {});
const nav = h('nav', { class: 'views' });
const user = h('span', { class: 'user' });
const indicator = h('span', { class: 'connection', role: 'status' });
const languageSelect = h(
  'select',
  { class: 'language', onchange: (event: Event) => setLanguage((event.target as HTMLSelectElement).value as Language) },
  h('option', { value: 'en' }, 'English'),
  h('option', { value: 'zh-CN' }, '简体中文'),
);
const signOut = h('button', { type: 'button', class: 'link', hidden: true, onclick: () => (sessionStorage.removeItem('switchboard.identity'), location.reload()) });
const banner = h('div', { class: 'banners', 'aria-live': 'assertive' });
const main = h('main', { id: 'main', tabindex: '-1' });
replace(root, h('header', { class: 'top' }, title, nav, h('div', { class: 'spacer' }), indicator, user, languageSelect, signOut), banner, main);

const status = new Status(banner, indicator);
let desk: AgentDesk | null = null;
let wallboard: Wallboard | null = null;
let views: View[] = [];

function renderChrome(): void {
  document.documentElement.lang = language();
  document.title = t('title');
  title.textContent = t('title');
  languageSelect.value = language();
  languageSelect.setAttribute('aria-label', t('language'));
  signOut.textContent = t('signOut');
  const current = currentView();
  replace(
    nav,
    views.length > 1
      ? views.map((view) => h('a', { href: `#${view}`, 'aria-current': view === current ? 'page' : undefined }, view === 'agent' ? t('agentView') : t('wallboard')))
      : null,
  );
  status.render();
}

function currentView(): View | null {
  const wanted = location.hash.slice(1);
  return views.find((view) => view === wanted) ?? views[0] ?? null;
}

function showView(): void {
  const view = currentView();
  replace(main, view === 'agent' ? desk?.element : view === 'wallboard' ? wallboard?.element : null);
  renderChrome();
  if (view === 'wallboard') wallboard?.render();
}

async function start(provider: TokenProvider): Promise<void> {
  const session = new Session(provider);
  await session.start();
  document.body.dataset.tokenRenewals = '0';
  const { role, agentId, team, sub } = session.claims;
  user.textContent = agentId ? `${sub} · ${agentId}` : `${sub} · ${role}`;
  signOut.hidden = Boolean(window.switchboardConsole?.getToken);
  const connection: Connection = connect(session, status);
  views = [];
  if (agentId) {
    views.push('agent');
    desk = new AgentDesk({ connection, session, status, agentId });
    desk.start();
  }
  if (role === 'supervisor' || role === 'admin') {
    views.push('wallboard');
    wallboard = new Wallboard({ connection, status, team: role === 'supervisor' ? team : null });
    wallboard.start();
  }
  window.addEventListener('hashchange', showView);
  showView();
  document.body.dataset.ready = 'true';
}

async function devProvider(identity: DevIdentity): Promise<TokenProvider> {
  return async () => {
    const response = await fetch('/console/dev-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: identity.role, subject: identity.subject, team: identity.team, agentId: identity.agentId }),
    });
    if (!response.ok) throw new Error(`dev-token answered ${response.status}`);
    return (await response.json()) as { token: string; expiresAt: number };
  };
}

async function showSignIn(): Promise<void> {
  const stored = sessionStorage.getItem('switchboard.identity');
  if (stored) return start(await devProvider(JSON.parse(stored) as DevIdentity));
  const response = await fetch('/console/dev-identities').catch(() => null);
  if (!response?.ok) {
    replace(main, h('p', { class: 'hint' }, t('noDevSignIn')));
    return;
  }
  const { identities } = (await response.json()) as { identities: DevIdentity[] };
  replace(
    main,
    h(
      'section',
      { class: 'sign-in' },
      h('h2', {}, t('signIn')),
      h('p', { class: 'hint' }, t('signInHint')),
      h(
        'ul',
        { role: 'list' },
        identities.map((identity) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                'data-role': identity.role,
                'data-agent-id': identity.agentId ?? undefined,
                onclick: async () => {
                  sessionStorage.setItem('switchboard.identity', JSON.stringify(identity));
                  await start(await devProvider(identity));
                },
              },
              h('strong', {}, identity.role),
              ' ',
              identity.label,
            ),
          ),
        ),
      ),
    ),
  );
  main.querySelector('button')?.focus();
}

onLanguageChange(() => {
  renderChrome();
  desk?.render();
  wallboard?.render();
});
renderChrome();
const embedded = window.switchboardConsole?.getToken;
void (embedded ? start(embedded) : showSignIn());
