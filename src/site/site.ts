/** Where a page's links point: root paths on the box, relative file paths in a static export. */

export interface Site {
  blogTitle: string;
  blogSubtitle?: string;
  home: string;
  post(slug: string): string;
  about: string;
  feed: string;
  css: string;
  /** The AtomPub service document (the box only). */
  service?: string;
}

export function boxSite(blog: { title: string; subtitle?: string }): Site {
  return {
    blogTitle: blog.title,
    blogSubtitle: blog.subtitle,
    home: '/',
    post: (slug) => `/posts/${encodeURIComponent(slug)}`,
    about: '/about',
    feed: '/feed.atom',
    css: '/box.css',
    service: '/app',
  };
}

/** Links for a static export; `up` is the way back to the export's root ('' or '../'). */
export function staticSite(blog: { title: string; subtitle?: string }, up: string): Site {
  return {
    blogTitle: blog.title,
    blogSubtitle: blog.subtitle,
    home: `${up}index.html`,
    post: (slug) => `${up}posts/${encodeURIComponent(slug)}.html`,
    about: `${up}about.html`,
    feed: `${up}feed.atom`,
    css: `${up}box.css`,
  };
}
