import { IngestPage } from './pages/IngestPage.js';
import { StoriesPage } from './pages/StoriesPage.js';
import { StoryPage } from './pages/StoryPage.js';
import { Link, usePath } from './router.js';

export function App() {
  const path = usePath();
  const pathname = path.split('?')[0] ?? '/';
  const story = /^\/stories\/([^/]+)$/.exec(pathname);
  const page = story ? 'story' : pathname === '/ingest' ? 'ingest' : 'stories';
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          Triangulate
        </Link>
        <nav aria-label="Main">
          <Link to="/" aria-current={page === 'stories' ? 'page' : undefined}>
            Stories
          </Link>
          <Link to="/ingest" aria-current={page === 'ingest' ? 'page' : undefined}>
            Ingest
          </Link>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {story ? <StoryPage id={decodeURIComponent(story[1]!)} key={story[1]} /> : page === 'ingest' ? <IngestPage /> : <StoriesPage />}
      </main>
    </>
  );
}
