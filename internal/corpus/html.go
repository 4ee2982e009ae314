package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// ErrNoText is returned when a page, feed item or PDF holds no readable text.
var ErrNoText = errors.New("no readable text")

// minExtractedWords is the length under which the extractor's main text is
// not trusted.
const minExtractedWords = 50

// extractHTML reads a web page: its main text (without menus, footers and
// comments) and its metadata. pageURL, when known, helps resolve metadata
// and names the source when the page does not.
func extractHTML(data []byte, contentType string, pageURL *url.URL) (Document, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Document{}, ErrEmptyFile
	}
	if looksBinary(data) {
		return Document{}, ErrBinary
	}
	text, err := htmlToUTF8(data, contentType)
	if err != nil {
		return Document{}, err
	}
	return extractHTMLText(capHTML(text), pageURL)
}

// extractHTMLText is extractHTML once the page is UTF-8 and capped.
func extractHTMLText(text string, pageURL *url.URL) (Document, error) {
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return Document{}, fmt.Errorf("malformed HTML: %w", err)
	}
	var d Document
	// A page the extractor cannot make sense of gets the plain fallback
	// below; its error says only that it found too little.
	if res, err := extractReadable(root, pageURL); err == nil {
		d = Document{Title: oneLine(res.Title), Source: oneLine(res.Site), Lang: res.Lang, Published: res.Published}
		if res.Content != nil {
			d.Text = nodeText(res.Content, false)
		}
	}
	// On short pages the extractor may keep too little, or menus and title
	// run together: there, the page's own blocks without its chrome read
	// better.
	if wordCount(d.Text) < minExtractedWords {
		if plain := nodeText(root, true); len(Paragraphs(plain)) > 0 {
			d.Text = plain
		}
	}
	if d.Title == "" {
		d.Title = oneLine(findTitle(root))
	}
	if d.Source == "" && pageURL != nil {
		d.Source = strings.TrimPrefix(pageURL.Hostname(), "www.")
	}
	if len(Paragraphs(d.Text)) == 0 {
		return Document{}, fmt.Errorf("HTML page: %w", ErrNoText)
	}
	return d, nil
}

// htmlToUTF8 converts a page to UTF-8 following its declared charset (HTTP
// header or <meta>), since pages in legacy encodings still exist. A page in
// UTF-8 is returned as it is, not copied.
func htmlToUTF8(data []byte, contentType string) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return data, nil
	}
	enc, name, certain := charset.DetermineEncoding(data, contentType)
	if name == "utf-8" {
		// Declared UTF-8 with a few bad bytes: keep the rest of the page.
		return bytes.ToValidUTF8(data, []byte("\ufffd")), nil
	}
	if !certain && name == "windows-1252" && !clearlyWindows1252(data) {
		return nil, ErrNotUTF8 // the default guess, and the bytes do not fit it
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("HTML page in %s: %w", name, err)
	}
	return out, nil
}

// skipAlways holds elements whose text is never content.
var skipAlways = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Head: true, atom.Iframe: true, atom.Object: true, atom.Canvas: true, atom.Select: true,
}

// skipChrome holds page furniture, skipped when reading a whole page.
var skipChrome = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
	atom.Button: true, atom.Menu: true, atom.Dialog: true,
}

// blocks start a paragraph of their own.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true,
	atom.Article: true, atom.Section: true, atom.Main: true, atom.Tr: true, atom.Table: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Figcaption: true,
	atom.Figure: true, atom.Hr: true, atom.Address: true, atom.Body: true, atom.Caption: true,
}

// nodeText renders a node's text with a blank line between blocks, so the
// chunker sees the page's paragraphs. With skipPageChrome it also leaves
// out navigation, headers, footers and forms (for whole pages; extracted
// content has lost them already).
func nodeText(n *html.Node, skipPageChrome bool) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipAlways[n.DataAtom] || skipPageChrome && skipChrome[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.Br {
				b.WriteString("\n")
				return
			}
		}
		block := n.Type == html.ElementNode && blocks[n.DataAtom]
		if block {
			b.WriteString("\n\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteString("\n\n")
		}
	}
	walk(n)
	return b.String()
}

// findTitle returns the text of the first <title>, else the first <h1>.
func findTitle(root *html.Node) string {
	var title, h1 string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch {
			case n.DataAtom == atom.Title && title == "":
				title = nodeText(n, false)
			case n.DataAtom == atom.H1 && h1 == "":
				h1 = nodeText(n, false)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if strings.TrimSpace(title) != "" {
		return title
	}
	return h1
}

// htmlFragmentText renders a snippet of HTML, as feeds carry in their
// summaries, as plain text. Text that is not HTML passes through.
func htmlFragmentText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return s
	}
	var b strings.Builder
	for _, n := range nodes {
		b.WriteString(nodeText(n, false))
	}
	return b.String()
}

// oneLine folds whitespace, for titles and names.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
