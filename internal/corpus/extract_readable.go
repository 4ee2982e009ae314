package corpus

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readable is a page's reader view: its main content and metadata.
type readable struct {
	Title, Author, Site, Lang string
	Published                 time.Time
	Content                   *html.Node // nil when no main content was found
}

// chromeMarks names, in class or id, overlays and widgets that sit inside or
// beside an article but are not part of it: readability keeps some of them
// (a cookie banner at the top of <body> has been seen to survive).
var chromeMarks = regexp.MustCompile(`(?i)cookie|consent|gdpr|sharedaddy|social|share|newsletter|subscribe|related|promo|paywall|banner`)

// extractReadable finds a page's main content with readability (Mozilla's
// algorithm), after dropping the overlays it is known to keep. root is not
// changed. The date comes from the page's metadata (JSON-LD datePublished,
// article:published_time, Dublin Core) or, failing that, an itemprop
// datePublished, a date <meta> or the first <time datetime>.
func extractReadable(root *html.Node, pageURL *url.URL) (readable, error) {
	doc := cloneWithoutChrome(root)
	art, err := readability.FromDocument(doc, pageURL)
	if err != nil {
		return readable{}, fmt.Errorf("readability: %w", err)
	}
	r := readable{
		Title: art.Title(), Author: art.Byline(), Site: art.SiteName(), Lang: art.Language(),
		Content: art.Node,
	}
	t, err := art.PublishedTime()
	if err != nil {
		t = fallbackDate(root)
	}
	if !t.IsZero() {
		// A publication day, as the rest of the corpus dates documents.
		t = t.UTC()
		r.Published = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	r.Title = withoutSiteSuffix(r.Title, root)
	return r, nil
}

// withoutSiteSuffix drops a " | Site" (or " - ", " – ") tail from a
// <title> when the page's <h1> is the part before it: readability keeps the
// tail on short titles.
func withoutSiteSuffix(title string, root *html.Node) string {
	h1 := oneLine(nodeText(firstElement(root, atom.H1), false))
	if h1 == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — "} {
		if head, _, ok := strings.Cut(title, sep); ok && strings.EqualFold(oneLine(head), h1) {
			return h1
		}
	}
	return title
}

// firstElement returns the first element of kind a under n, or n's empty
// stand-in when there is none.
func firstElement(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := firstElement(c, a); f.Type == html.ElementNode {
			return f
		}
	}
	return &html.Node{Type: html.TextNode}
}

// cloneWithoutChrome copies a document, leaving out the elements chromeMarks
// names unless they are structural (html, body, main, article).
func cloneWithoutChrome(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace, Attr: append([]html.Attribute(nil), n.Attr...)}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if isChrome(ch) {
			continue
		}
		c.AppendChild(cloneWithoutChrome(ch))
	}
	return c
}

func isChrome(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article, atom.Head, atom.Meta, atom.Script:
		return false // scripts may be JSON-LD metadata; readability drops the rest
	}
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id") && chromeMarks.MatchString(a.Val) {
			return true
		}
	}
	return false
}

// dateLayouts are the forms machine-readable dates take in pages.
var dateLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"}

// fallbackDate reads the publication date from the places readability does
// not look: <meta itemprop="datePublished">, <meta name="date|pubdate|
// publish-date|dc.date">, and the first <time datetime>.
func fallbackDate(root *html.Node) time.Time {
	var meta, timeEl string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(attr(n, "itemprop") + attr(n, "name"))
				switch key {
				case "datepublished", "date", "pubdate", "publish-date", "dc.date", "dc.date.issued":
					if meta == "" {
						meta = attr(n, "content")
					}
				}
			case atom.Time:
				if timeEl == "" {
					timeEl = attr(n, "datetime")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, s := range []string{meta, timeEl} {
		s = strings.TrimSpace(s)
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				return t
			}
		}
	}
	return time.Time{}
}

// attr returns an element's attribute value, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
