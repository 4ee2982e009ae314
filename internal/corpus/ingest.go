package corpus

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/RadhiFadlillah/whatlanggo"

	"github.com/mss-brief/briefbot/internal/document"
)

// Outcomes of ingesting one input, beside those of storing it (Added,
// Updated, Unchanged).
const (
	Failed  PutOutcome = "failed"
	Skipped PutOutcome = "skipped"
)

// IngestOptions bounds what reading files, pages and feeds may cost. Zero
// values take the defaults noted.
type IngestOptions struct {
	MaxBytes     int64         // largest file or page read; 0: no limit
	Timeout      time.Duration // each HTTP exchange, body included; 0: none
	MaxRedirects int           // redirects followed per request; 0 follows none
	UserAgent    string        // empty: Go's default
	// PDFToText is the path of poppler's pdftotext, tried before the pure
	// Go PDF reader when set.
	PDFToText string
	// Workers is how many inputs are read (fetched, parsed) at once;
	// storing stays one at a time and in input order. Default 4.
	Workers int
	// Progress, when set, is called after each input with the count done,
	// the count known so far (feeds add their items as they are read) and
	// the input's name.
	Progress func(done, total int, current string)
	// PublicOnly refuses URLs that lead to loopback, private or link-local
	// addresses. Set it whenever the URL comes from a chat user rather than
	// the operator, so nobody can make the bot read its own network.
	PublicOnly bool
	// Observer, when set, is told of each input's result as it is
	// finished (metrics kept elsewhere).
	Observer IngestObserver
}

// IngestObserver is told what became of each input an Ingester finished.
type IngestObserver interface {
	Ingested(IngestResult)
}

// Putter stores documents; *Store is one.
type Putter interface {
	Put(ctx context.Context, d Document) (PutResult, error)
}

// documentGetter is what a Putter may also offer (as *Store does) so that a
// feed polled again does not fetch every summary-only item's article anew.
type documentGetter interface {
	Document(ctx context.Context, id string) (Document, error)
}

// Ingester reads files, folders, web pages and feeds into a store.
type Ingester struct {
	store  Putter
	opts   IngestOptions
	client *http.Client
	now    func() time.Time
}

// NewIngester returns an Ingester that stores into store within opts' limits.
func NewIngester(store Putter, opts IngestOptions) *Ingester {
	// The limits are taken as given: their defaults are the configuration's
	// (config.Default), which cmd/bot passes; a zero limit is none.
	opts.MaxBytes = max(opts.MaxBytes, 0)
	opts.Timeout = max(opts.Timeout, 0)
	opts.MaxRedirects = max(opts.MaxRedirects, 0)
	if opts.Workers <= 0 {
		opts.Workers = 4
	}
	return &Ingester{store: store, opts: opts, client: newHTTPClient(opts.Timeout, opts.MaxRedirects, opts.PublicOnly), now: time.Now}
}

// IngestResult says what became of one input: a file, a page, or an item
// of a feed.
type IngestResult struct {
	Input     string     // the path or URL as given, or the feed item's link
	Feed      string     // for a feed item: the feed's URL
	Outcome   PutOutcome // Added, Updated, Unchanged, Failed or Skipped
	DocID     string
	Title     string
	Passages  int
	Duplicate string   // Unchanged because this document holds the same text
	Err       error    // why it failed or was skipped
	Warnings  []string // what went wrong without failing it
}

// job is one input to read. Reading may yield a document, or for a feed,
// more jobs (its items).
type job struct {
	input string
	feed  string
	read  func(ctx context.Context) (readResult, error)
}

type readResult struct {
	doc      Document
	stored   *Document // already in the store, unchanged: nothing to put
	isFeed   bool
	items    []job
	warnings []string
}

// skipError marks an input that is passed over, not failed: a file of a
// kind we do not read inside a folder.
type skipError struct{ reason string }

func (e skipError) Error() string { return e.reason }

// Ingest reads local files, folders (recursively) and web pages, each named
// by a path or an http(s) URL, and stores what they hold. A URL that turns
// out to be a feed is ingested as one. Every input gets a result, in input
// order (a folder's files in lexical order); one bad input fails alone.
func (in *Ingester) Ingest(ctx context.Context, inputs []string) []IngestResult {
	var jobs []job
	for _, input := range inputs {
		if isURL(input) {
			jobs = append(jobs, job{input: input, read: func(ctx context.Context) (readResult, error) {
				return in.readURL(ctx, input, false)
			}})
			continue
		}
		jobs = append(jobs, in.pathJobs(input)...)
	}
	return in.run(ctx, jobs)
}

// IngestFeeds reads RSS, Atom or JSON feeds (URLs, or local files) and
// stores each item as a document. When an item carries only a summary, the
// article it links to is fetched for its full text.
func (in *Ingester) IngestFeeds(ctx context.Context, feeds []string) []IngestResult {
	jobs := make([]job, 0, len(feeds))
	for _, feed := range feeds {
		jobs = append(jobs, job{input: feed, read: func(ctx context.Context) (readResult, error) {
			return in.readFeed(ctx, feed)
		}})
	}
	return in.run(ctx, jobs)
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.Contains(s, "://")
}

// run reads jobs a few at a time and stores their documents one at a time,
// in order, so that results and dedupe do not depend on timing. Feeds add
// their items as a further round.
func (in *Ingester) run(ctx context.Context, jobs []job) []IngestResult {
	var results []IngestResult
	done, total := 0, len(jobs)
	for len(jobs) > 0 {
		var next []job
		in.readAll(ctx, jobs, func(j job, r readResult, err error) {
			// Credentials in a URL ("http://user:pw@host/") never reach a
			// summary, a log or a chat reply.
			res := IngestResult{Input: document.RedactURL(j.input), Feed: document.RedactURL(j.feed), Warnings: r.warnings}
			var skip skipError
			switch {
			case errors.As(err, &skip):
				res.Outcome, res.Err = Skipped, err
			case err != nil:
				res.Outcome, res.Err = Failed, err
			case r.isFeed && len(r.items) == 0:
				res.Outcome, res.Err = Skipped, errors.New("feed has no items")
			case r.isFeed:
				next = append(next, r.items...)
				total += len(r.items)
			case r.stored != nil:
				res.Outcome, res.DocID, res.Title = Unchanged, r.stored.ID, r.stored.Title
			default:
				res = in.store1(ctx, res, r.doc)
			}
			if !r.isFeed || res.Outcome != "" {
				results = append(results, res)
				if in.opts.Observer != nil {
					in.opts.Observer.Ingested(res)
				}
			}
			done++
			if in.opts.Progress != nil {
				in.opts.Progress(done, total, j.input)
			}
		})
		jobs = next
	}
	if f, ok := in.store.(flusher); ok {
		f.Flush(ctx)
	}
	return results
}

// store1 puts one document and records the outcome.
func (in *Ingester) store1(ctx context.Context, res IngestResult, d Document) IngestResult {
	if d.Lang == "" {
		d.Lang = detectLang(d.Text)
	}
	pr, err := in.store.Put(ctx, d)
	if err != nil {
		res.Outcome, res.Err = Failed, err
		return res
	}
	res.Outcome, res.DocID, res.Passages, res.Duplicate = pr.Outcome, pr.DocID, pr.Passages, pr.Duplicate
	res.Title = d.Title
	if res.Title == "" {
		res.Title = GuessTitle(d.Text)
	}
	return res
}

// readAll reads jobs on up to Workers goroutines and hands each result to
// deliver in job order. A job's slot is freed only once delivered, so no
// more than Workers documents wait in memory.
func (in *Ingester) readAll(ctx context.Context, jobs []job, deliver func(job, readResult, error)) {
	type outcome struct {
		r   readResult
		err error
	}
	slots := make([]chan outcome, len(jobs))
	for i := range slots {
		slots[i] = make(chan outcome, 1)
	}
	sem := make(chan struct{}, in.opts.Workers)
	go func() {
		for i, j := range jobs {
			sem <- struct{}{}
			go func() {
				var o outcome
				defer func() {
					// A parser bug on one input must not take the others down.
					if p := recover(); p != nil {
						o = outcome{err: fmt.Errorf("internal error while reading: %v", p)}
					}
					slots[i] <- o
				}()
				if err := ctx.Err(); err != nil {
					o.err = err
					return
				}
				o.r, o.err = j.read(ctx)
			}()
		}
	}()
	for i, j := range jobs {
		o := <-slots[i]
		deliver(j, o.r, o.err)
		<-sem
	}
}

// Extensions of the files we read; others in a folder are skipped.
var fileKinds = map[string]contentKind{
	".txt": kindText, ".text": kindText, ".md": kindMarkdown, ".markdown": kindMarkdown,
	".html": kindHTML, ".htm": kindHTML, ".xhtml": kindHTML, ".pdf": kindPDF,
}

// pathJobs turns a path into jobs: one for a file, one per file for a
// folder (hidden files and folders left out).
func (in *Ingester) pathJobs(p string) []job {
	fail := func(err error) []job {
		return []job{{input: p, read: func(context.Context) (readResult, error) { return readResult{}, err }}}
	}
	info, err := os.Stat(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fail(errors.New("no such file or folder"))
		}
		return fail(err)
	}
	if !info.IsDir() {
		if !info.Mode().IsRegular() {
			return fail(notRegular(p, info.Mode()))
		}
		kind, ok := fileKinds[strings.ToLower(filepath.Ext(p))]
		switch {
		case ok:
		case filepath.Ext(p) == "":
			kind = kindText // named explicitly: read it if it is text
		default:
			return fail(fmt.Errorf("unsupported file type %q: ingest .txt, .md, .html or .pdf files", filepath.Ext(p)))
		}
		return []job{in.fileJob(p, kind)}
	}
	var jobs []job
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			jobs = append(jobs, job{input: path, read: func(context.Context) (readResult, error) { return readResult{}, err }})
			return nil
		}
		if path != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			// A FIFO or device would block the read forever; a symlink is
			// not followed out of the folder.
			reason := skipError{notRegular(path, d.Type()).Error()}
			jobs = append(jobs, job{input: path, read: func(context.Context) (readResult, error) { return readResult{}, reason }})
			return nil
		}
		kind, ok := fileKinds[strings.ToLower(filepath.Ext(path))]
		if !ok {
			reason := skipError{fmt.Sprintf("not a file type we read (%q)", filepath.Ext(path))}
			jobs = append(jobs, job{input: path, read: func(context.Context) (readResult, error) { return readResult{}, reason }})
			return nil
		}
		jobs = append(jobs, in.fileJob(path, kind))
		return nil
	})
	if err != nil {
		return fail(err)
	}
	return jobs
}

// notRegular refuses a path that is not a plain file, naming what it is.
func notRegular(p string, m fs.FileMode) error {
	what := "not a regular file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&fs.ModeCharDevice != 0:
		what = "a character device"
	case m&fs.ModeDevice != 0:
		what = "a device"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeSymlink != 0:
		what = "a symbolic link (not followed inside a folder)"
	}
	return fmt.Errorf("%s is %s, not a regular file: only regular files are ingested", p, what)
}

func (in *Ingester) fileJob(p string, kind contentKind) job {
	return job{input: p, read: func(ctx context.Context) (readResult, error) {
		data, err := in.readFile(p)
		if err != nil {
			return readResult{}, err
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = p
		}
		d, err := in.parse(ctx, data, kind, "", nil)
		if err != nil {
			return readResult{}, err
		}
		d.Origin = abs
		return readResult{doc: d}, nil
	}}
}

// readFile reads a whole file up to the size cap.
func (in *Ingester) readFile(p string) ([]byte, error) {
	// Checked before opening: opening a FIFO blocks until a writer comes.
	if info, err := os.Stat(p); err != nil {
		return nil, err
	} else if !info.Mode().IsRegular() {
		return nil, notRegular(p, info.Mode())
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	limit := in.opts.MaxBytes
	if info, err := f.Stat(); err == nil && limit > 0 && info.Size() > limit {
		return nil, tooLarge(fmt.Sprintf("file is %s,", formatBytes(info.Size())), limit)
	}
	data, err := readAtMost(f, limit)
	if err != nil {
		return nil, err
	}
	if limit > 0 && int64(len(data)) > limit {
		return nil, tooLarge("file", limit)
	}
	return data, nil
}

// readURL fetches a page and reads it by its content type. A feed is
// expanded into its items unless wantDoc (a feed item's article must be a
// page, not another feed).
func (in *Ingester) readURL(ctx context.Context, raw string, wantDoc bool) (readResult, error) {
	f, err := in.fetch(ctx, raw)
	if err != nil {
		return readResult{}, err
	}
	kind, err := classify(f.contentType, f.body, f.finalURL)
	if err != nil {
		return readResult{}, err
	}
	if kind == kindFeed {
		if wantDoc {
			return readResult{}, errors.New("the link leads to a feed, not an article")
		}
		return in.feedItems(f.finalURL.String(), f.body)
	}
	d, err := in.parse(ctx, f.body, kind, f.contentType, f.finalURL)
	if err != nil {
		return readResult{}, err
	}
	d.URL = f.finalURL.String()
	d.Origin = raw
	return readResult{doc: d}, nil
}

// parse reads content of a known kind into a document (without identity).
func (in *Ingester) parse(ctx context.Context, data []byte, kind contentKind, contentType string, u *url.URL) (Document, error) {
	switch kind {
	case kindHTML:
		d, err := extractHTML(data, contentType, u)
		if err != nil {
			return Document{}, err
		}
		d.Text = stripTrailer(d.Text)
		return d, nil
	case kindPDF:
		d, err := extractPDF(ctx, data, in.opts.PDFToText)
		if err != nil {
			return Document{}, err
		}
		return in.plainMetadata(d), nil
	case kindMarkdown:
		text, err := decodeText(data)
		if err != nil {
			return Document{}, err
		}
		d, err := ParseMarkdown([]byte(text))
		if err != nil {
			return Document{}, err
		}
		return in.plainMetadata(d), nil
	case kindText:
		text, err := decodeText(data)
		if err != nil {
			return Document{}, err
		}
		return in.plainMetadata(Document{Text: text}), nil
	}
	return Document{}, errors.New("unsupported content")
}

// plainMetadata fills what text without markup leaves unsaid: a title from
// its first line or sentence, a publication date only when the text states
// one, and no trailing list of other articles.
func (in *Ingester) plainMetadata(d Document) Document {
	if d.Published.IsZero() {
		d.Published = guessPublished(d.Text, in.now())
	}
	d.Text = stripTrailer(d.Text)
	if d.Title == "" {
		d.Title, d.Text = guessTextTitle(d.Text)
	}
	return d
}

// detectLang names the language of text when the guess is reliable.
func detectLang(text string) string {
	sample := text[:min(len(text), 4000)]
	info := whatlanggo.Detect(sample)
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}
