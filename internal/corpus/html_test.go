package corpus

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"
)

// articlePage is a small news page with the furniture real pages have.
const articlePage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Kenyan police land in Haiti | Daily Wire</title>
<meta property="og:site_name" content="Daily Wire">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-06-25T10:00:00Z">
<script>var tracking = "do not index me";</script>
<style>.nav { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>
<article>
<h1>Kenyan police land in Haiti</h1>
<p>The first 400 Kenyan police officers arrived in Port-au-Prince on Tuesday, opening the multinational mission that the UN Security Council authorised last October.</p>
<p>The officers will support the Haitian National Police against gangs that control most of the capital. Their commander said the deployment would be followed by more contingents from other countries.</p>
<p>Critics in Nairobi argued that the deployment was unconstitutional, but a court allowed it to proceed after a new agreement was signed.</p>
</article>
<footer>Copyright 2024 Daily Wire. All rights reserved. Cookie settings.</footer>
</body></html>`

func TestExtractHTML(t *testing.T) {
	t.Parallel()
	pageURL, _ := url.Parse("https://www.example.org/news/kenya-haiti")
	tests := []struct {
		name        string
		page        string
		contentType string
		want        Document // Title, Source, Lang, Published checked when set
		wantText    []string
		notText     []string
		wantErr     error
	}{
		{
			name:     "article with metadata",
			page:     articlePage,
			want:     Document{Title: "Kenyan police land in Haiti", Source: "Daily Wire", Lang: "en", Published: time.Date(2024, 6, 25, 0, 0, 0, 0, time.UTC)},
			wantText: []string{"The first 400 Kenyan police officers arrived", "a court allowed it to proceed"},
			notText:  []string{"World news menu", "Cookie settings", "do not index me", "color: red"},
		},
		{
			name:     "short page without an article: plain fallback, source from host",
			page:     `<html><head><title>Note</title></head><body><nav>Menu</nav><div>Kenya sent police.</div><footer>Footer text</footer></body></html>`,
			want:     Document{Title: "Note", Source: "example.org"},
			wantText: []string{"Kenya sent police."},
			notText:  []string{"Menu", "Footer text"},
		},
		{
			name:     "malformed markup still yields its text",
			page:     `<html><body><p>Unclosed paragraph about the <b>Gang Suppression Force<div>and a stray div</p></span></body>`,
			wantText: []string{"Gang Suppression Force", "and a stray div"},
		},
		{
			name:     "no title element: first h1",
			page:     `<body><h1>Heading One</h1><p>Body text here.</p></body>`,
			want:     Document{Title: "Heading One"},
			wantText: []string{"Body text here."},
		},
		{
			name:        "windows-1252 declared in meta",
			page:        "<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head><body><p>Le caf\xe9 \x93Ha\xefti\x94.</p></body></html>",
			want:        Document{Title: "Café"},
			wantText:    []string{"Le café “Haïti”."},
			contentType: "text/html",
		},
		{
			name:        "latin-1 declared in the HTTP header",
			page:        "<html><body><p>Ha\xefti: la mission multinationale.</p></body></html>",
			contentType: "text/html; charset=iso-8859-1",
			wantText:    []string{"Haïti: la mission multinationale."},
		},
		{name: "scripts only", page: `<html><head><script>alert(1)</script></head><body><script>x()</script></body></html>`, wantErr: ErrNoText},
		{name: "empty", page: "  \n", wantErr: ErrEmptyFile},
		{name: "binary", page: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", wantErr: ErrBinary},
		{name: "undeclared legacy encoding with many high bytes", page: "<p>\x83n\x83C\x83`\x82\xcc\x8c\x78\x8e\x40\x82\xaa</p>", wantErr: ErrNotUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := extractHTML([]byte(tt.page), tt.contentType, pageURL)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("extractHTML error = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if tt.want.Title != "" && d.Title != tt.want.Title {
				t.Errorf("title = %q, want %q", d.Title, tt.want.Title)
			}
			if tt.want.Source != "" && d.Source != tt.want.Source {
				t.Errorf("source = %q, want %q", d.Source, tt.want.Source)
			}
			if tt.want.Lang != "" && d.Lang != tt.want.Lang {
				t.Errorf("lang = %q, want %q", d.Lang, tt.want.Lang)
			}
			if !tt.want.Published.IsZero() && !d.Published.Equal(tt.want.Published) {
				t.Errorf("published = %v, want %v", d.Published, tt.want.Published)
			}
			text := strings.Join(Paragraphs(d.Text), "\n")
			for _, w := range tt.wantText {
				if !strings.Contains(text, w) {
					t.Errorf("text lacks %q:\n%s", w, text)
				}
			}
			for _, w := range tt.notText {
				if strings.Contains(text, w) {
					t.Errorf("text holds page furniture %q:\n%s", w, text)
				}
			}
		})
	}
}

func TestExtractHTMLKeepsParagraphs(t *testing.T) {
	t.Parallel()
	d, err := extractHTML([]byte(articlePage), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	paras := Paragraphs(d.Text)
	if len(paras) < 3 {
		t.Fatalf("got %d paragraphs, want the page's paragraphs kept apart: %q", len(paras), paras)
	}
}

func TestHTMLFragmentText(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"plain summary", "plain summary"},
		{"<p>First &amp; second</p><p>Third <a href='x'>link</a></p>", "First & second\nThird link"},
		{"Tom &lt;3 Jerry", "Tom <3 Jerry"},
		{"<script>bad()</script>Good", "Good"},
	}
	for _, tt := range tests {
		if got := strings.Join(Paragraphs(htmlFragmentText(tt.in)), "\n"); got != tt.want {
			t.Errorf("htmlFragmentText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
