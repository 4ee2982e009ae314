package corpus

import (
	"net/url"
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	mdURL, _ := url.Parse("https://example.org/notes/a.md")
	tests := []struct {
		name, contentType, body string
		u                       *url.URL
		want                    contentKind
		wantErr                 string
	}{
		{"html", "text/html; charset=utf-8", "<p>x</p>", nil, kindHTML, ""},
		{"xhtml", "application/xhtml+xml", "<p>x</p>", nil, kindHTML, ""},
		{"plain", "text/plain", "x", nil, kindText, ""},
		{"plain .md", "text/plain", "# x", mdURL, kindMarkdown, ""},
		{"markdown", "text/markdown", "# x", nil, kindMarkdown, ""},
		{"pdf", "application/pdf", "%PDF-1.4", nil, kindPDF, ""},
		{"rss", "application/rss+xml", "<rss>", nil, kindFeed, ""},
		{"atom", "application/atom+xml; charset=utf-8", "<feed>", nil, kindFeed, ""},
		{"xml feed", "text/xml", `<?xml version="1.0"?><rss version="2.0">`, nil, kindFeed, ""},
		{"xml not feed", "application/xml", `<?xml version="1.0"?><sitemap/>`, nil, kindUnknown, "not an RSS or Atom feed"},
		{"no type, pdf body", "", "%PDF-1.7\n...", nil, kindPDF, ""},
		{"octet-stream, html body", "application/octet-stream", "<!DOCTYPE html><html><p>x", nil, kindHTML, ""},
		{"no type, feed body", "", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">`, nil, kindFeed, ""},
		{"no type, text body", "", "just words", nil, kindText, ""},
		{"no type, binary body", "", "\x00\x01\x02\x03\xff", nil, kindUnknown, "unrecognised content"},
		{"image", "image/png", "\x89PNG", nil, kindUnknown, `unsupported content type "image/png"`},
		{"json", "application/json", "{}", nil, kindUnknown, "unsupported content type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := classify(tt.contentType, []byte(tt.body), tt.u)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("classify error = %v, want one containing %q", err, tt.wantErr)
				}
			} else if err != nil {
				t.Fatalf("classify: %v", err)
			}
			if got != tt.want {
				t.Errorf("classify = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFormatBytes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		n    int64
		want string
	}{{20 << 20, "20 MB"}, {3 << 19, "1.5 MB"}, {4096, "4 KB"}, {100, "100 bytes"}}
	for _, tt := range tests {
		if got := formatBytes(tt.n); got != tt.want {
			t.Errorf("formatBytes(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestParseWebURL(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{"ftp://example.org/x", "file:///etc/passwd", "http://", "https://exa mple.org/"} {
		if _, err := parseWebURL(bad); err == nil {
			t.Errorf("parseWebURL(%q) accepted it", bad)
		}
	}
	if _, err := parseWebURL(" https://example.org/a?b=c "); err != nil {
		t.Errorf("parseWebURL: %v", err)
	}
}
