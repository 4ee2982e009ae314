package corpus

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// writeFiles creates files (slash-separated names) under dir.
func writeFiles(t testing.TB, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// prose makes n words of sentences that read like text and mention marker.
func prose(marker string, n int) string {
	var words []string
	for len(words) < n {
		words = append(words, strings.Fields(fmt.Sprintf("The mission reported progress on %s in its latest review of the patrols.", marker))...)
	}
	return strings.Join(words[:n], " ") + "."
}

func mustSearch(t testing.TB, s *Store, q string) []Hit {
	t.Helper()
	hits, err := s.Search(context.Background(), Query{Text: q, K: 20})
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return hits
}

func TestIngestFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	pdfData := buildPDF("Trust fund report", pdfPages)
	writeFiles(t, dir, map[string][]byte{
		"plain.txt": []byte("Leadership of the Republic of Kenya in the Haiti Mission\nPublication Date: 2025-10-08\n\n" + prose("zanzibar", 60) +
			"\nOther Latest Articles\n- Four Santa Elena monuments from a museum\n- Another unrelated headline\nLast modified: 2025-10-09 05:30:49\n"),
		"notes.md": []byte("---\ntitle: Funding note\nsource: Briefing notes\nurl: https://example.org/funding\npublished: 2025-10-12\nlang: en\nlinks: [https://un.org/a]\n---\n# Heading\n\n" +
			prose("trustfund", 40)),
		"bare.md":          []byte("# Mandate basics\n\n" + prose("mandate", 30)),
		"page.html":        []byte(strings.NewReplacer("{{title}}", "Second contingent lands", "{{lead}}", "A second group of Kenyan officers arrived.").Replace(readFixture(t, "article.html"))),
		"report.pdf":       pdfData,
		"latin1.txt":       []byte("R\xe9sum\xe9 of the caf\xe9 meeting\n\nThe d\xe9l\xe9gation met in P\xe9tion-Ville to discuss the patrols and the checkpoints."),
		"noext":            []byte("Plain text without an extension, named explicitly."),
		"photo.jpg":        []byte("\xff\xd8\xff\xe0 not really a jpeg"),
		"sjis.txt":         []byte("\x83n\x83C\x83`\x82\xcc\x8c\x78\x8e\x40\x82\xaa\x8c\xbb\x92\x6e\x82\xc9\x93\x9e\x92\x85"),
		"binary.txt":       []byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00"),
		"empty.txt":        nil,
		"blank.md":         []byte("\n\n   \n"),
		"huge.txt":         []byte(strings.Repeat("word ", 1000)),
		"scripts.html":     []byte("<html><body><script>track()</script></body></html>"),
		"broken.pdf":       []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >>"),
		"fake.pdf":         []byte("this is not a pdf at all"),
		"badfront.md":      []byte("---\ntitle: [unclosed\n---\nbody"),
		"baddate.md":       []byte("---\npublished: 8 October 2025\n---\nbody text"),
		"unclosed.md":      []byte("---\ntitle: x\nbody without the closing line"),
		"folder/a.txt":     []byte(prose("folderalpha", 20)),
		"folder/sub/b.md":  []byte("# B\n\n" + prose("folderbeta", 20)),
		"folder/.hidden/c": []byte("hidden"),
		"folder/.d.txt":    []byte(prose("hiddenfile", 20)),
		"folder/e.jpg":     []byte("\xff\xd8\xff"),
	})
	p := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

	type want struct {
		input   string
		outcome PutOutcome
		errHas  string   // for failed and skipped
		doc     Document // Title, Source, URL, Published, Lang compared when set
		text    []string // passages hold these
		notText []string // and not these
	}
	tests := []struct {
		name     string
		inputs   []string
		maxBytes int64
		want     []want
	}{
		{name: "plain text: title line, labelled date, trailer dropped", inputs: []string{p("plain.txt")}, want: []want{{
			input: p("plain.txt"), outcome: Added,
			doc:     Document{Title: "Leadership of the Republic of Kenya in the Haiti Mission", Published: day(2025, 10, 8), Lang: "en"},
			text:    []string{"zanzibar"},
			notText: []string{"Santa Elena", "unrelated headline"},
		}}},
		{name: "markdown front matter", inputs: []string{p("notes.md")}, want: []want{{
			input: p("notes.md"), outcome: Added,
			doc:  Document{Title: "Funding note", Source: "Briefing notes", URL: "https://example.org/funding", Published: day(2025, 10, 12), Lang: "en"},
			text: []string{"trustfund"},
		}}},
		{name: "markdown without front matter", inputs: []string{p("bare.md")}, want: []want{{
			input: p("bare.md"), outcome: Added, doc: Document{Title: "Mandate basics"}, text: []string{"mandate"},
		}}},
		{name: "html file", inputs: []string{p("page.html")}, want: []want{{
			input: p("page.html"), outcome: Added,
			doc:     Document{Title: "Second contingent lands", Source: "Haiti Security Monitor", Published: day(2024, 7, 16)},
			text:    []string{"A second group of Kenyan officers arrived."},
			notText: []string{"World news menu", "Cookie settings"},
		}}},
		{name: "pdf file", inputs: []string{p("report.pdf")}, want: []want{{
			input: p("report.pdf"), outcome: Added, doc: Document{Title: "Trust fund report"}, text: []string{"voluntary trust fund"},
		}}},
		{name: "latin-1 text converted", inputs: []string{p("latin1.txt")}, want: []want{{
			input: p("latin1.txt"), outcome: Added, doc: Document{Title: "Résumé of the café meeting"}, text: []string{"Pétion-Ville"},
		}}},
		{name: "explicit file without extension read as text", inputs: []string{p("noext")}, want: []want{{input: p("noext"), outcome: Added}}},
		{name: "folder: recursive, hidden left out, others skipped", inputs: []string{p("folder")}, want: []want{
			{input: p("folder/a.txt"), outcome: Added, text: []string{"folderalpha"}},
			{input: p("folder/e.jpg"), outcome: Skipped, errHas: `not a file type we read (".jpg")`},
			{input: p("folder/sub/b.md"), outcome: Added, doc: Document{Title: "B"}, text: []string{"folderbeta"}},
		}},
		{name: "explicit unsupported type", inputs: []string{p("photo.jpg")}, want: []want{{input: p("photo.jpg"), outcome: Failed, errHas: `unsupported file type ".jpg"`}}},
		{name: "not utf-8", inputs: []string{p("sjis.txt")}, want: []want{{input: p("sjis.txt"), outcome: Failed, errHas: "not UTF-8 text"}}},
		{name: "binary", inputs: []string{p("binary.txt")}, want: []want{{input: p("binary.txt"), outcome: Failed, errHas: "binary file, not text"}}},
		{name: "empty", inputs: []string{p("empty.txt")}, want: []want{{input: p("empty.txt"), outcome: Failed, errHas: "empty file"}}},
		{name: "blank markdown", inputs: []string{p("blank.md")}, want: []want{{input: p("blank.md"), outcome: Failed, errHas: "empty file"}}},
		{name: "huge", inputs: []string{p("huge.txt")}, maxBytes: 1024, want: []want{{input: p("huge.txt"), outcome: Failed, errHas: "larger than 1 KB (the cap set by ingest.max_bytes)"}}},
		{name: "html without text", inputs: []string{p("scripts.html")}, want: []want{{input: p("scripts.html"), outcome: Failed, errHas: "no readable text"}}},
		{name: "broken pdf", inputs: []string{p("broken.pdf")}, want: []want{{input: p("broken.pdf"), outcome: Failed, errHas: "malformed PDF"}}},
		{name: "not a pdf", inputs: []string{p("fake.pdf")}, want: []want{{input: p("fake.pdf"), outcome: Failed, errHas: "malformed PDF: no %PDF- header"}}},
		{name: "bad front matter", inputs: []string{p("badfront.md")}, want: []want{{input: p("badfront.md"), outcome: Failed, errHas: "front matter"}}},
		{name: "bad front matter date", inputs: []string{p("baddate.md")}, want: []want{{input: p("baddate.md"), outcome: Failed, errHas: `published "8 October 2025" is not a YYYY-MM-DD date`}}},
		{name: "unclosed front matter", inputs: []string{p("unclosed.md")}, want: []want{{input: p("unclosed.md"), outcome: Failed, errHas: "no closing ---"}}},
		{name: "missing", inputs: []string{p("nope.txt")}, want: []want{{input: p("nope.txt"), outcome: Failed, errHas: "no such file or folder"}}},
		{name: "a bad file fails alone", inputs: []string{p("binary.txt"), p("notes.md"), p("empty.txt")}, want: []want{
			{input: p("binary.txt"), outcome: Failed, errHas: "binary"},
			{input: p("notes.md"), outcome: Added},
			{input: p("empty.txt"), outcome: Failed, errHas: "empty"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := openTestStore(t)
			in := NewIngester(s, IngestOptions{MaxBytes: tt.maxBytes})
			results := in.Ingest(ctx, tt.inputs)
			if len(results) != len(tt.want) {
				t.Fatalf("got %d results, want %d: %+v", len(results), len(tt.want), results)
			}
			for i, w := range tt.want {
				r := results[i]
				if r.Input != w.input || r.Outcome != w.outcome {
					t.Fatalf("result %d = %s %s (%v), want %s %s", i, r.Outcome, r.Input, r.Err, w.outcome, w.input)
				}
				if w.errHas != "" {
					if r.Err == nil || !strings.Contains(r.Err.Error(), w.errHas) {
						t.Errorf("%s: error %v, want one containing %q", r.Input, r.Err, w.errHas)
					}
					continue
				}
				if r.Err != nil {
					t.Errorf("%s: unexpected error %v", r.Input, r.Err)
				}
				d, err := s.Document(ctx, r.DocID)
				if err != nil {
					t.Fatal(err)
				}
				checkDoc(t, d, w.doc)
				if d.URL == "" && d.Origin != w.input {
					t.Errorf("origin = %q, want the absolute path %q", d.Origin, w.input)
				}
				passages, err := s.Passages(ctx, d.ID)
				if err != nil || len(passages) != r.Passages || len(passages) == 0 {
					t.Fatalf("passages: %d (%v), result says %d", len(passages), err, r.Passages)
				}
				var all []string
				for _, p := range passages {
					all = append(all, p.Text)
				}
				text := strings.Join(all, "\n")
				for _, s := range w.text {
					if !strings.Contains(text, s) {
						t.Errorf("passages lack %q:\n%s", s, text)
					}
				}
				for _, s := range w.notText {
					if strings.Contains(text, s) {
						t.Errorf("passages hold %q:\n%s", s, text)
					}
				}
			}
		})
	}
}

func checkDoc(t *testing.T, got, want Document) {
	t.Helper()
	if want.Title != "" && got.Title != want.Title {
		t.Errorf("title = %q, want %q", got.Title, want.Title)
	}
	if want.Source != "" && got.Source != want.Source {
		t.Errorf("source = %q, want %q", got.Source, want.Source)
	}
	if want.URL != "" && got.URL != want.URL {
		t.Errorf("url = %q, want %q", got.URL, want.URL)
	}
	if want.Lang != "" && got.Lang != want.Lang {
		t.Errorf("lang = %q, want %q", got.Lang, want.Lang)
	}
	if !want.Published.IsZero() && !got.Published.Equal(want.Published) {
		t.Errorf("published = %v, want %v", got.Published, want.Published)
	}
}

func readFixture(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "web", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// webFixture serves the pages, feeds and failures the web tests need.
type webFixture struct {
	*httptest.Server
	release chan struct{} // closed at cleanup: lets /slow return
	mu      sync.Mutex
	hits    map[string]int
}

func newWebFixture(t *testing.T) *webFixture {
	t.Helper()
	f := &webFixture{release: make(chan struct{}), hits: map[string]int{}}
	mux := http.NewServeMux()
	// Fixtures are read here, on the test's goroutine: a handler must not
	// call t.Fatal.
	articleHTML := readFixture(t, "article.html")
	article := func(title, lead string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, strings.NewReplacer("{{title}}", title, "{{lead}}", lead).Replace(articleHTML))
		}
	}
	feed := func(name, ctype string) http.HandlerFunc {
		body := readFixture(t, name)
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctype)
			fmt.Fprint(w, strings.ReplaceAll(body, "{{base}}", f.URL))
		}
	}
	mux.Handle("/article", article("Kenyan police land in Haiti", "The first Kenyan officers arrived on Tuesday."))
	mux.Handle("/articles/contingent", article("Second Kenyan contingent lands", "A second group of two hundred officers arrived from Nairobi."))
	mux.Handle("/review/unsoh", article("What the support office will do", "The support office will pay for fuel, rations and medical evacuation."))
	mux.Handle("/rss.xml", feed("rss.xml", "application/rss+xml"))
	mux.Handle("/atom.xml", feed("atom.xml", "application/atom+xml"))
	mux.Handle("/feed-as-xml", feed("rss.xml", "text/xml; charset=utf-8"))
	mux.HandleFunc("/empty-feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>`)
	})
	mux.HandleFunc("/broken-feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Unclosed`)
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article", http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/doc.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(buildPDF("Trust fund report", pdfPages))
	})
	mux.HandleFunc("/notes.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "Patrol notes\n\n"+prose("delmas", 40))
	})
	mux.HandleFunc("/sjis.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("\x83n\x83C\x83`\x82\xcc\x8c\x78\x8e\x40\x82\xaa\x8c\xbb\x92\x6e\x82\xc9\x93\x9e\x92\x85"))
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Length", fmt.Sprint(200<<10))
		w.Write([]byte(strings.Repeat("x", 200<<10)))
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for range 200 {
			w.Write([]byte(strings.Repeat("word ", 205)))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/empty-page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-f.release:
		}
	})
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.hits[r.URL.Path]++
		f.mu.Unlock()
		if ua := r.Header.Get("User-Agent"); ua != "briefbot-test" {
			http.Error(w, "unexpected user agent "+ua, http.StatusBadRequest)
			return
		}
		mux.ServeHTTP(w, r) // unknown paths answer 404
	}))
	t.Cleanup(func() {
		close(f.release)
		f.Close()
	})
	return f
}

func (f *webFixture) hitCount(path string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.hits[path]
}

// webTimeout is short enough for /slow to fail fast; tests of other pages
// use a roomy timeout so a loaded machine does not fail them.
const webTimeout = 300 * time.Millisecond

func webIngester(s *Store, timeout time.Duration) *Ingester {
	return NewIngester(s, IngestOptions{MaxBytes: 64 << 10, Timeout: timeout, MaxRedirects: 2, UserAgent: "briefbot-test"})
}

// timeoutFor gives the /slow page the short timeout and others a long one.
func timeoutFor(input string) time.Duration {
	if strings.HasSuffix(input, "/slow") {
		return webTimeout
	}
	return 20 * time.Second
}

func TestIngestWeb(t *testing.T) {
	t.Parallel()
	web := newWebFixture(t)
	u := func(path string) string { return web.URL + path }
	tests := []struct {
		name    string
		input   string
		outcome PutOutcome
		errHas  string
		doc     Document
		text    string
	}{
		{"html page", u("/article"), Added, "", Document{Title: "Kenyan police land in Haiti", Source: "Haiti Security Monitor", URL: u("/article")}, "The first Kenyan officers arrived on Tuesday."},
		{"redirect: the final URL is kept", u("/redirect"), Added, "", Document{URL: u("/article")}, "The first Kenyan officers arrived"},
		{"pdf", u("/doc.pdf"), Added, "", Document{Title: "Trust fund report", URL: u("/doc.pdf")}, "voluntary trust fund"},
		{"plain text", u("/notes.txt"), Added, "", Document{Title: "Patrol notes"}, "delmas"},
		{"404", u("/missing"), Failed, "HTTP 404 Not Found", Document{}, ""},
		{"500", u("/500"), Failed, "HTTP 500 Internal Server Error", Document{}, ""},
		{"timeout", u("/slow"), Failed, "timed out after 300ms (ingest.timeout)", Document{}, ""},
		{"too many redirects", u("/loop"), Failed, "stopped after 2 redirects (ingest.max_redirects)", Document{}, ""},
		{"too large, declared", u("/big"), Failed, "page larger than 64 KB (the cap set by ingest.max_bytes)", Document{}, ""},
		{"too large, streamed", u("/big-chunked"), Failed, "page larger than 64 KB", Document{}, ""},
		{"unsupported type", u("/image"), Failed, `unsupported content type "image/png"`, Document{}, ""},
		{"not utf-8", u("/sjis.txt"), Failed, "not UTF-8 text", Document{}, ""},
		{"empty page", u("/empty-page"), Failed, "empty file", Document{}, ""},
		{"scheme", "ftp://example.org/file.txt", Failed, `unsupported URL scheme "ftp"`, Document{}, ""},
		{"connection refused", "http://127.0.0.1:1/x", Failed, "refused", Document{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := openTestStore(t)
			results := webIngester(s, timeoutFor(tt.input)).Ingest(ctx, []string{tt.input})
			if len(results) != 1 {
				t.Fatalf("got %d results: %+v", len(results), results)
			}
			r := results[0]
			if r.Outcome != tt.outcome {
				t.Fatalf("outcome = %s (%v), want %s", r.Outcome, r.Err, tt.outcome)
			}
			if tt.errHas != "" {
				if r.Err == nil || !strings.Contains(r.Err.Error(), tt.errHas) {
					t.Fatalf("error = %v, want one containing %q", r.Err, tt.errHas)
				}
				return
			}
			d, err := s.Document(ctx, r.DocID)
			if err != nil {
				t.Fatal(err)
			}
			checkDoc(t, d, tt.doc)
			if d.Origin != tt.input {
				t.Errorf("origin = %q, want %q", d.Origin, tt.input)
			}
			if hits := mustSearch(t, s, tt.text); len(hits) == 0 || hits[0].DocID != d.ID {
				t.Errorf("search %q does not find the page first: %+v", tt.text, hits)
			}
		})
	}
}

func TestIngestFeeds(t *testing.T) {
	t.Parallel()
	web := newWebFixture(t)
	u := func(path string) string { return web.URL + path }
	type item struct {
		input, title, source, url string
		published                 time.Time
		text                      string // a passage holds it
		warning                   string
	}
	at := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	rssItems := []item{
		{input: u("/articles/renewal"), title: "Council renews the mission's mandate", source: "Haiti Security Monitor", url: u("/articles/renewal"),
			published: at("2024-09-30T14:00:00Z"), text: "voluntary trust fund had received far less"},
		{input: u("/articles/contingent"), title: "Second Kenyan contingent lands", source: "Haiti Security Monitor", url: u("/articles/contingent"),
			published: at("2024-07-16T09:30:00Z"), text: "A second group of two hundred officers arrived from Nairobi."},
		{input: u("/articles/missing"), title: "Gang leaders offer talks", source: "Haiti Security Monitor", url: u("/articles/missing"),
			published: at("2024-07-17T09:30:00Z"), text: "a truce in the capital", warning: "kept the feed's summary: the article could not be read: HTTP 404"},
		{input: u("/rss.xml") + " item 4", title: "Bulletin without a link", source: "Haiti Security Monitor",
			text: "streets reopened to traffic"},
	}
	tests := []struct {
		name   string
		feeds  []string
		ingest bool // through Ingest (a page URL that turns out to be a feed)
		items  []item
	}{
		{name: "rss", feeds: []string{u("/rss.xml")}, items: rssItems},
		{name: "rss served as text/xml", feeds: []string{u("/feed-as-xml")}, items: []item{{input: u("/articles/renewal"), title: "Council renews the mission's mandate"}}},
		{name: "atom", feeds: []string{u("/atom.xml")}, items: []item{
			{input: u("/review/gsf"), title: "From MSS to the Gang Suppression Force", source: "Caribbean Policy Review", url: u("/review/gsf"),
				published: at("2025-10-01T08:00:00Z"), text: "predictable money for the first time"},
			{input: u("/review/unsoh"), title: "What the support office will do", source: "Caribbean Policy Review", url: u("/review/unsoh"),
				published: at("2025-10-03T08:00:00Z"), text: "fuel, rations and medical evacuation"},
		}},
		{name: "feed found by plain ingest", feeds: []string{u("/atom.xml")}, ingest: true, items: []item{
			{input: u("/review/gsf"), title: "From MSS to the Gang Suppression Force"},
			{input: u("/review/unsoh"), title: "What the support office will do"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := openTestStore(t)
			in := webIngester(s, 20*time.Second)
			var results []IngestResult
			if tt.ingest {
				results = in.Ingest(ctx, tt.feeds)
			} else {
				results = in.IngestFeeds(ctx, tt.feeds)
			}
			if len(results) < len(tt.items) {
				t.Fatalf("got %d results, want at least %d: %+v", len(results), len(tt.items), results)
			}
			for i, w := range tt.items {
				r := results[i]
				if r.Input != w.input || r.Outcome != Added {
					t.Fatalf("result %d = %s %s (%v), want added %s", i, r.Outcome, r.Input, r.Err, w.input)
				}
				if !strings.HasSuffix(r.Feed, tt.feeds[0][len(web.URL):]) {
					t.Errorf("feed = %q, want %q", r.Feed, tt.feeds[0])
				}
				d, err := s.Document(ctx, r.DocID)
				if err != nil {
					t.Fatal(err)
				}
				checkDoc(t, d, Document{Title: w.title, Source: w.source, URL: w.url, Published: w.published})
				if w.text != "" {
					if hits := mustSearch(t, s, w.text); len(hits) == 0 || hits[0].DocID != d.ID {
						t.Errorf("search %q does not find item %q first", w.text, w.title)
					}
				}
				switch {
				case w.warning == "" && len(r.Warnings) > 0:
					t.Errorf("unexpected warnings %q", r.Warnings)
				case w.warning != "" && (len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], w.warning)):
					t.Errorf("warnings = %q, want one containing %q", r.Warnings, w.warning)
				}
			}
		})
	}
	t.Run("polling again fetches no article again", func(t *testing.T) {
		s := openTestStore(t)
		in := webIngester(s, 20*time.Second)
		first := in.IngestFeeds(context.Background(), []string{u("/rss.xml")})
		fetched := web.hitCount("/articles/contingent") + web.hitCount("/articles/missing")
		second := in.IngestFeeds(context.Background(), []string{u("/rss.xml")})
		if got := outcomes(second); !slices.Equal(got, []PutOutcome{Unchanged, Unchanged, Unchanged, Unchanged}) {
			t.Fatalf("second poll: %v, want all unchanged", got)
		}
		for i := range second {
			if second[i].DocID != first[i].DocID || second[i].Title != first[i].Title {
				t.Errorf("item %d: second poll names %s %q, first %s %q", i, second[i].DocID, second[i].Title, first[i].DocID, first[i].Title)
			}
		}
		if again := web.hitCount("/articles/contingent") + web.hitCount("/articles/missing"); again != fetched {
			t.Errorf("articles fetched %d times after the second poll, %d after the first", again, fetched)
		}
	})
	t.Run("full items are not fetched again", func(t *testing.T) {
		if n := web.hitCount("/articles/renewal"); n != 0 {
			t.Errorf("the item with full content had its article fetched %d times", n)
		}
	})
}

func TestIngestFeedFailures(t *testing.T) {
	t.Parallel()
	web := newWebFixture(t)
	u := func(path string) string { return web.URL + path }
	tests := []struct {
		name, feed string
		outcome    PutOutcome
		errHas     string
	}{
		{"malformed", u("/broken-feed.xml"), Failed, "malformed feed"},
		{"html page given as a feed", u("/article"), Failed, "not an RSS or Atom feed (the server sent an HTML page): ingest it without --feed"},
		{"404", u("/nope.xml"), Failed, "HTTP 404"},
		{"500", u("/500"), Failed, "HTTP 500"},
		{"timeout", u("/slow"), Failed, "timed out"},
		{"no items", u("/empty-feed.xml"), Skipped, "feed has no items"},
		{"image", u("/image"), Failed, "not a feed: unsupported content type"},
		{"local file missing", filepath.Join(t.TempDir(), "feed.xml"), Failed, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			results := webIngester(openTestStore(t), timeoutFor(tt.feed)).IngestFeeds(context.Background(), []string{tt.feed})
			if len(results) != 1 || results[0].Outcome != tt.outcome || results[0].Err == nil || !strings.Contains(results[0].Err.Error(), tt.errHas) {
				t.Fatalf("results = %+v, want one %s containing %q", results, tt.outcome, tt.errHas)
			}
		})
	}
}

func TestIngestFeedFromFile(t *testing.T) {
	t.Parallel()
	web := newWebFixture(t) // serves the articles that summary-only items link to
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"feed.xml": []byte(strings.ReplaceAll(readFixture(t, "atom.xml"), "{{base}}", web.URL))})
	results := webIngester(openTestStore(t), 20*time.Second).IngestFeeds(context.Background(), []string{filepath.Join(dir, "feed.xml")})
	if len(results) != 2 || results[0].Outcome != Added || results[1].Outcome != Added {
		t.Fatalf("results = %+v, want two added items", results)
	}
}

func TestIngestDedupe(t *testing.T) {
	t.Parallel()
	web := newWebFixture(t)
	dir := t.TempDir()
	text := []byte("Same report\n\n" + prose("duplicate", 50))
	writeFiles(t, dir, map[string][]byte{"a.txt": text, "copy/b.txt": text})
	ctx := context.Background()

	t.Run("same URL twice, and a tracking variant", func(t *testing.T) {
		s := openTestStore(t)
		in := webIngester(s, 20*time.Second)
		results := in.Ingest(ctx, []string{web.URL + "/article", web.URL + "/article", web.URL + "/article?utm_source=x#top"})
		got := outcomes(results)
		if want := []PutOutcome{Added, Unchanged, Unchanged}; !slices.Equal(got, want) {
			t.Fatalf("outcomes = %v, want %v (%+v)", got, want, results)
		}
		if results[1].DocID != results[0].DocID {
			t.Errorf("second ingest got id %s, want %s", results[1].DocID, results[0].DocID)
		}
		st, _ := s.Stats(ctx)
		if st.Documents != 1 {
			t.Errorf("store holds %d documents, want 1", st.Documents)
		}
	})
	t.Run("same content under two names", func(t *testing.T) {
		s := openTestStore(t)
		results := NewIngester(s, IngestOptions{}).Ingest(ctx, []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "copy", "b.txt")})
		if got := outcomes(results); !slices.Equal(got, []PutOutcome{Added, Unchanged}) {
			t.Fatalf("outcomes = %v (%+v)", got, results)
		}
		if results[1].Duplicate != results[0].DocID {
			t.Errorf("duplicate = %q, want %q", results[1].Duplicate, results[0].DocID)
		}
		if hits := mustSearch(t, s, "duplicate"); len(hits) != 1 {
			t.Errorf("search finds %d passages, want the one copy", len(hits))
		}
	})
}

func outcomes(rs []IngestResult) []PutOutcome {
	out := make([]PutOutcome, len(rs))
	for i, r := range rs {
		out[i] = r.Outcome
	}
	return out
}

func TestIngestChangedFileReplacesPassages(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "report.txt")
	s := openTestStore(t)
	in := NewIngester(s, IngestOptions{})

	writeFiles(t, dir, map[string][]byte{"report.txt": []byte("Field report\n\n" + prose("quagga", 500))})
	first := in.Ingest(ctx, []string{path})[0]
	if first.Outcome != Added || first.Passages < 2 {
		t.Fatalf("first ingest: %+v, want added with several passages", first)
	}
	if len(mustSearch(t, s, "quagga")) == 0 {
		t.Fatal("the first version is not found")
	}
	if again := in.Ingest(ctx, []string{path})[0]; again.Outcome != Unchanged {
		t.Fatalf("re-ingest of the same file: %s, want unchanged", again.Outcome)
	}

	writeFiles(t, dir, map[string][]byte{"report.txt": []byte("Field report\n\n" + prose("okapi", 120))})
	second := in.Ingest(ctx, []string{path})[0]
	if second.Outcome != Updated || second.DocID != first.DocID {
		t.Fatalf("second ingest: %+v, want updated under id %s", second, first.DocID)
	}
	if hits := mustSearch(t, s, "quagga"); len(hits) != 0 {
		t.Errorf("the old text is still found: %d hits", len(hits))
	}
	if hits := mustSearch(t, s, "okapi"); len(hits) != second.Passages {
		t.Errorf("the new text: %d hits, want %d", len(hits), second.Passages)
	}
	ps, _ := s.Passages(ctx, first.DocID)
	st, _ := s.Stats(ctx)
	if len(ps) != second.Passages || st.Passages != second.Passages || st.Documents != 1 {
		t.Errorf("passages %d, stats %+v; want only the %d new passages", len(ps), st, second.Passages)
	}
}

func TestIngestProgressAndOrder(t *testing.T) {
	t.Parallel()
	web := newWebFixture(t)
	dir := t.TempDir()
	files := map[string][]byte{}
	var inputs []string
	for i := range 12 {
		name := fmt.Sprintf("doc%02d.txt", i)
		files[name] = []byte(prose(fmt.Sprintf("marker%d", i), 30))
		inputs = append(inputs, filepath.Join(dir, name))
	}
	writeFiles(t, dir, files)
	inputs = append(inputs, web.URL+"/atom.xml") // a feed: its two items join the count

	type call struct{ done, total int }
	var calls []call
	s := openTestStore(t)
	in := NewIngester(s, IngestOptions{Workers: 3, UserAgent: "briefbot-test", Timeout: 5 * time.Second,
		Progress: func(done, total int, current string) { calls = append(calls, call{done, total}) }})
	results := in.Ingest(context.Background(), inputs)

	if len(results) != 14 {
		t.Fatalf("got %d results, want 12 files and 2 feed items", len(results))
	}
	for i, r := range results[:12] {
		if r.Input != inputs[i] || r.Outcome != Added {
			t.Errorf("result %d = %s %s, want added %s (input order)", i, r.Outcome, r.Input, inputs[i])
		}
	}
	if len(calls) != 15 { // 12 files, the feed, its 2 items
		t.Fatalf("progress called %d times, want 15", len(calls))
	}
	for i, c := range calls {
		if c.done != i+1 || c.total < c.done {
			t.Errorf("call %d = %+v: done must count up and never pass total", i, c)
		}
	}
	if last := calls[len(calls)-1]; last.done != last.total || last.total != 15 {
		t.Errorf("last call = %+v, want 15 of 15", last)
	}
}

func TestIngestCanceled(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"a.txt": []byte(prose("a", 20)), "b.txt": []byte(prose("b", 20))})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s := openTestStore(t)
	results := NewIngester(s, IngestOptions{}).Ingest(ctx, []string{dir})
	for _, r := range results {
		if r.Outcome != Failed || !errors.Is(r.Err, context.Canceled) {
			t.Errorf("%s: %s %v, want failed: context canceled", r.Input, r.Outcome, r.Err)
		}
	}
	if st, _ := s.Stats(context.Background()); st.Documents != 0 || len(results) != 2 {
		t.Errorf("stored %d documents from %d results after cancel", st.Documents, len(results))
	}
}
