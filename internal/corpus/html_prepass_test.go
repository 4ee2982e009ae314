package corpus

import (
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// largePage builds an article page of about size bytes made like the heavy
// pages seen in the wild: deeply nested wrappers with long data attributes,
// inline scripts and SVG icons between paragraphs of text.
func largePage(size int) string {
	var b strings.Builder
	b.Grow(size + 64<<10)
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8">` +
		`<title>Mission report | Big Site</title>` +
		`<meta property="og:site_name" content="Big Site">` +
		`<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-07-16T09:00:00Z"}</script>` +
		`<style>` + strings.Repeat(".c{color:red}", 2000) + `</style></head><body><article><h1>Mission report</h1>`)
	props := strings.Repeat(`{&quot;k&quot;:&quot;value&quot;},`, 30) // a 600-byte attribute
	script := `<script>window.__STATE__=` + strings.Repeat(`{"a":[1,2,3],"b":"text"},`, 30) + `</script>`
	icon := `<svg viewBox="0 0 24 24"><path d="` + strings.Repeat("M1 2L3 4", 10) + `"/><text>icon</text></svg>`
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `<div class="section s%d" data-props="%s"><div class="inner"><div><div><div>`, i, props)
		b.WriteString(script)
		for j := 0; j < 20; j++ {
			fmt.Fprintf(&b, `<p style="margin:0">Paragraph %d.%d of the <a href="/t/%d">report</a>, with commas, clauses, and numbers: the officers, the council, and the <b>mission</b> met again on day %d.`, i, j, j, i)
			if j%5 == 0 {
				b.WriteString(icon)
			}
			b.WriteString(`</p>`)
		}
		b.WriteString(`<!-- ` + strings.Repeat("comment ", 50) + ` --></div></div></div></div></div>`)
	}
	b.WriteString(`</article></body></html>`)
	return b.String()
}

func TestCapHTML(t *testing.T) {
	t.Parallel()
	longClass := strings.Repeat("widget ", 100) // 700 bytes
	tests := []struct {
		name    string
		page    string
		want    []string // in the output
		notWant []string
	}{
		{
			name:    "scripts dropped, JSON-LD kept",
			page:    `<head><script>var a = "<p>x</p>";</script><script type="application/ld+json">{"datePublished":"2024-01-02"}</script><script src="a.js"/></head>`,
			want:    []string{`<script type="application/ld+json">{"datePublished":"2024-01-02"}</script>`},
			notWant: []string{"var a", "a.js", "<p>"},
		},
		{
			name:    "styles, noscript and comments dropped",
			page:    `<style>p{color:red}</style><noscript><img src="x.png"></noscript><!-- hidden note --><p>Kept text.</p>`,
			want:    []string{"<p>Kept text.</p>"},
			notWant: []string{"color", "x.png", "hidden note", "noscript", "style"},
		},
		{
			name:    "svg dropped with nested svg",
			page:    `<p>Before <svg><svg><text>inner</text></svg><text>outer</text></svg>after.</p>`,
			want:    []string{"<p>Before after.</p>"},
			notWant: []string{"inner", "outer", "svg"},
		},
		{
			name:    "unclosed svg ends where the parser ends it",
			page:    `<svg><path d="M0"><p>Article text.</p>`,
			want:    []string{"<p>Article text.</p>"},
			notWant: []string{"path"},
		},
		{
			name:    "html inside foreignObject stays in the svg",
			page:    `<svg><foreignObject><div>label</div></foreignObject></svg><p>After.</p>`,
			want:    []string{"<p>After.</p>"},
			notWant: []string{"label", "div"},
		},
		{
			name:    "template dropped",
			page:    `<template><template><p>t1</p></template><p>t2</p></template><p>Shown.</p>`,
			want:    []string{"<p>Shown.</p>"},
			notWant: []string{"t1", "t2", "template"},
		},
		{
			name:    "iframe keeps its tag for video detection, not its contents",
			page:    `<iframe src="https://www.youtube.com/embed/x" data-extra="1">fallback</iframe>`,
			want:    []string{`<iframe src="https://www.youtube.com/embed/x" data-extra="1"></iframe>`},
			notWant: []string{"fallback"},
		},
		{
			name:    "attributes readability does not read are dropped",
			page:    `<div class="post" id="main" data-props="{&quot;big&quot;:1}" onclick="x()" itemprop="articleBody"><a href="/a?b=1&amp;c=2" rel="author" tabindex="1">Ann</a></div>`,
			want:    []string{`<div class="post" id="main" itemprop="articleBody"><a href="/a?b=1&amp;c=2" rel="author">Ann</a></div>`},
			notWant: []string{"data-props", "onclick", "tabindex"},
		},
		{
			name: "lazy images keep their data attributes",
			page: `<img data-src="photo.jpg" data-lazy="1" alt="A photo">`,
			want: []string{`<img data-src="photo.jpg" data-lazy="1" alt="A photo">`},
		},
		{
			name: "long values cut: class at a name, style to what hides",
			page: `<div class="` + longClass + `" style="` + strings.Repeat("margin:0;", 50) + `display: none">x</div>`,
			want: []string{`<div class="` + strings.TrimSpace(longClass[:511]) + `" style="display: none">x</div>`},
		},
		{
			name: "text and entities pass as written",
			page: `<!DOCTYPE html><title>A &amp; B</title><p>Tom &lt;3 Jerry &eacute;l&egrave;ve</p><textarea><b>raw</b></textarea>`,
			want: []string{`<!DOCTYPE html><title>A &amp; B</title><p>Tom &lt;3 Jerry &eacute;l&egrave;ve</p><textarea><b>raw</b></textarea>`},
		},
		{
			name: "meta for the date and site kept",
			page: `<meta property="article:published_time" content="2024-06-25T10:00:00Z"><meta name="date" content="2024-06-25"><time datetime="2024-06-25">June 25</time>`,
			want: []string{`<meta property="article:published_time" content="2024-06-25T10:00:00Z"><meta name="date" content="2024-06-25"><time datetime="2024-06-25">June 25</time>`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := capHTML([]byte(tt.page))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("capHTML lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("capHTML keeps %q:\n%s", w, got)
				}
			}
		})
	}
}

// TestCapHTMLLimits checks that a page past the limits reaches the parser
// cut, with its head and first paragraphs.
func TestCapHTMLLimits(t *testing.T) {
	t.Parallel()
	// Each page is about twice past the limit it tests, which is all the
	// pre-pass can tell apart (it stops reading at the cut): the 20 MB page
	// of the issue is BenchmarkExtractHTMLLarge's, where its size is the point.
	tests := []struct {
		name, page, keep string
	}{
		// 8 MiB: 4.4 MB of text and 235k nodes before the cut.
		{"article twice the markup cap", largePage(2 * maxPageMarkup), `<h1>Mission report</h1>`},
		// 4 MiB of text in one node.
		{"one long text", "<pre>" + strings.Repeat("é word ", 2*maxPageText/len("é word ")), "<pre>é word é word"},
		// 240k nodes in 1.7 MB: the node limit binds, not the size.
		{"tiny elements", "<body>" + strings.Repeat(`<p><a href="x">w</a> word</p>`, maxPageNodes/2), `<body><p><a href="x">w</a> word</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := capHTML([]byte(tt.page))
			if len(got) > maxPageMarkup+64<<10 {
				t.Errorf("capHTML gave %d bytes, want at most %d", len(got), maxPageMarkup)
			}
			if !utf8.ValidString(got) {
				t.Error("capHTML split a character")
			}
			root, err := html.Parse(strings.NewReader(got))
			if err != nil {
				t.Fatal(err)
			}
			var nodes, text int
			var walk func(*html.Node)
			walk = func(n *html.Node) {
				switch n.Type {
				case html.ElementNode:
					nodes++
				case html.TextNode:
					nodes++
					text += len(n.Data)
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(root)
			// The parser adds html, head and body, and unescapes entities.
			if nodes > maxPageNodes+3 || text > maxPageText {
				t.Errorf("parsed %d nodes with %d bytes of text, want at most %d and %d", nodes, text, maxPageNodes, maxPageText)
			}
			if !strings.Contains(got, tt.keep) {
				t.Errorf("capHTML lost the page's start %q", tt.keep)
			}
		})
	}
	d, err := extractHTML([]byte(tests[0].page), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Mission report" || !d.Published.Equal(time.Date(2024, 7, 16, 0, 0, 0, 0, time.UTC)) || !strings.Contains(d.Text, "Paragraph 0.0 of the report") {
		t.Errorf("large page: title %q, published %v, text starting %.80q", d.Title, d.Published, d.Text)
	}
}

// TestCapHTMLKeepsExtraction checks that ordinary pages extract the same
// with and without the pre-pass.
func TestCapHTMLKeepsExtraction(t *testing.T) {
	t.Parallel()
	pages := map[string]string{
		"article page": articlePage,
		"fixture":      readFixture(t, "article.html"),
		"busy page": `<!doctype html><html lang="fr"><head><title>Rapport | Site</title>
<script>window.x = "<div>not text</div>";</script><style>.a{}</style>
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-01T08:00:00Z","publisher":{"name":"Site"}}</script></head>
<body><div class="cookie-banner" data-config="{}">Cookies!</div><nav>Menu</nav>
<main><article><h1>Rapport</h1><svg><path d="M0 0"/></svg>
<p data-track="1">La mission a été déployée à Port-au-Prince, avec des policiers kényans, sous mandat du Conseil de sécurité des Nations unies.</p>
<!-- ad slot --><noscript><img src="p.gif"></noscript>
<p>Les critiques, nombreuses, portent sur le financement, le calendrier et la légalité de l'opération au Kenya.</p>
<template><p>Hidden template</p></template><p style="display:none">Hidden paragraph</p>
<p>Un tribunal kényan a jugé le déploiement illégal, puis un nouvel accord a été signé entre les deux pays.</p></article></main>
<footer>Pied de page</footer></body></html>`,
	}
	for name, page := range pages {
		t.Run(name, func(t *testing.T) {
			before, errB := extractHTMLText(page, nil)
			after, errA := extractHTMLText(capHTML([]byte(page)), nil)
			if errB != nil || errA != nil {
				t.Fatalf("errors: before %v, after %v", errB, errA)
			}
			if before.Title != after.Title || before.Source != after.Source || before.Lang != after.Lang || !before.Published.Equal(after.Published) {
				t.Errorf("metadata changed: before %+v, after %+v", before, after)
			}
			if b, a := strings.Join(Paragraphs(before.Text), "\n"), strings.Join(Paragraphs(after.Text), "\n"); b != a {
				t.Errorf("text changed:\nbefore %q\nafter  %q", b, a)
			}
		})
	}
}

// peakHeap samples HeapInuse while f runs and returns its maximum.
func peakHeap(f func()) uint64 {
	var (
		peak uint64
		wg   sync.WaitGroup
		done = make(chan struct{})
	)
	sample := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		peak = max(peak, m.HeapInuse)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				sample()
				return
			case <-t.C:
				sample()
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	return peak
}

// BenchmarkExtractHTMLLarge extracts a 20 MB page (under the default 20 MiB
// size cap). Target: peak heap under 200 MB.
//
//	go test -run '^$' -bench ExtractHTMLLarge -benchtime 3x ./internal/corpus/
func BenchmarkExtractHTMLLarge(b *testing.B) {
	page := []byte(largePage(20_000_000))
	u, _ := url.Parse("https://example.org/report")
	b.SetBytes(int64(len(page)))
	b.ResetTimer()
	var peak uint64
	for i := 0; i < b.N; i++ {
		runtime.GC()
		p := peakHeap(func() {
			if _, err := extractHTML(page, "text/html", u); err != nil {
				b.Fatal(err)
			}
		})
		peak = max(peak, p)
	}
	b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
}
