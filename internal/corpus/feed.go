package corpus

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/mmcdole/gofeed"
)

// summaryWords is the length under which a feed item's text is taken for a
// summary, and the article it links to is fetched for the full text.
const summaryWords = 80

// readFeed reads a feed from a URL or a local file into jobs for its items.
func (in *Ingester) readFeed(ctx context.Context, feed string) (readResult, error) {
	if !isURL(feed) {
		data, err := in.readFile(feed)
		if err != nil {
			return readResult{}, err
		}
		abs, err := filepath.Abs(feed)
		if err != nil {
			abs = feed
		}
		return in.feedItems(abs, data)
	}
	f, err := in.fetch(ctx, feed)
	if err != nil {
		return readResult{}, err
	}
	kind, err := classify(f.contentType, f.body, f.finalURL)
	if err != nil {
		return readResult{}, fmt.Errorf("not a feed: %w", err)
	}
	if kind != kindFeed {
		return readResult{}, fmt.Errorf("not an RSS or Atom feed (the server sent %s): ingest it without --feed", kindName(kind))
	}
	return in.feedItems(f.finalURL.String(), f.body)
}

func kindName(k contentKind) string {
	switch k {
	case kindHTML:
		return "an HTML page"
	case kindText, kindMarkdown:
		return "plain text"
	case kindPDF:
		return "a PDF"
	}
	return "something else"
}

// feedItems parses a feed and makes one job per item.
func (in *Ingester) feedItems(feedURL string, body []byte) (readResult, error) {
	if looksBinary(body) {
		return readResult{}, fmt.Errorf("malformed feed: %w", ErrBinary)
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return readResult{}, fmt.Errorf("malformed feed: %w", err)
	}
	source := oneLine(feed.Title)
	items := make([]job, 0, len(feed.Items))
	for i, it := range feed.Items {
		name := strings.TrimSpace(it.Link)
		if name == "" {
			name = fmt.Sprintf("%s item %d", feedURL, i+1)
		}
		items = append(items, job{input: name, feed: feedURL, read: func(ctx context.Context) (readResult, error) {
			return in.readItem(ctx, feedURL, source, it)
		}})
	}
	return readResult{isFeed: true, items: items}, nil
}

// readItem turns a feed item into a document. A summary-only item gets the
// text of the article it links to; when that fails, the summary is kept
// and the failure is a warning.
func (in *Ingester) readItem(ctx context.Context, feedURL, source string, it *gofeed.Item) (readResult, error) {
	d := Document{Title: oneLine(htmlFragmentText(it.Title)), Source: source, Origin: feedURL}
	link := strings.TrimSpace(it.Link)
	if link != "" {
		if _, err := parseWebURL(link); err != nil {
			link = "" // a relative or odd link cannot be fetched or cited
		}
	}
	d.URL = link
	switch {
	case it.PublishedParsed != nil:
		d.Published = it.PublishedParsed.UTC()
	case it.UpdatedParsed != nil:
		d.Published = it.UpdatedParsed.UTC()
	}
	text := it.Content
	if strings.TrimSpace(text) == "" || wordCount(htmlFragmentText(it.Description)) > wordCount(htmlFragmentText(text)) {
		text = it.Description
	}
	text = htmlFragmentText(text)
	var res readResult
	if wordCount(text) < summaryWords && link != "" {
		if known, ok := in.storedItem(ctx, link, it); ok {
			return readResult{stored: &known}, nil
		}
		page, err := in.readURL(ctx, link, true)
		switch {
		case err == nil:
			p := page.doc
			text = p.Text
			d.URL = p.URL
			if d.Title == "" {
				d.Title = p.Title
			}
			if d.Published.IsZero() {
				d.Published = p.Published
			}
			if d.Source == "" {
				d.Source = p.Source
			}
			d.Lang = p.Lang
		case ctx.Err() != nil:
			return readResult{}, ctx.Err()
		case strings.TrimSpace(text) == "":
			return readResult{}, fmt.Errorf("item has no text and its article could not be read: %w", err)
		default:
			res.warnings = append(res.warnings, fmt.Sprintf("kept the feed's summary: the article could not be read: %v", err))
		}
	}
	if len(Paragraphs(text)) == 0 {
		return readResult{}, fmt.Errorf("feed item: %w", ErrNoText)
	}
	d.Text = text
	if d.URL == "" {
		// No link to identify it: the feed and the item's own id do.
		id := strings.TrimSpace(it.GUID)
		if id == "" {
			id = contentHash(d.Title + "\n" + text)[:16]
		}
		d.Key = feedURL + "#" + id
	}
	if d.Title == "" {
		d.Title, d.Text = guessTextTitle(d.Text)
	}
	res.doc = d
	return res, nil
}

// storedItem finds the document a summary-only item links to when it is
// already stored and the item does not say it changed since: then its
// article is not fetched again on every poll of the feed.
func (in *Ingester) storedItem(ctx context.Context, link string, it *gofeed.Item) (Document, bool) {
	getter, ok := in.store.(documentGetter)
	if !ok {
		return Document{}, false
	}
	d, err := getter.Document(ctx, DocID(CanonicalURL(link)))
	if err != nil {
		return Document{}, false
	}
	if it.UpdatedParsed != nil && it.UpdatedParsed.After(d.Ingested) {
		return Document{}, false
	}
	return d, true
}
