package corpus

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Limits on what the HTML extractor is given. A DOM node costs hundreds of
// bytes once readability has copied the tree for each of its passes, so a
// 20 MB page parsed whole took over 400 MB. Articles stay far below these
// limits (readability's 135 test pages: at most 10k elements); only
// pathological pages lose their tail.
const (
	maxPageText   = 2 << 20 // bytes of text
	maxPageMarkup = 4 << 20 // bytes of markup and text together
	maxPageNodes  = 120_000 // elements and text nodes
	maxTagAttrs   = 32
)

// droppedRaw holds raw-text elements whose contents are never read (scripts
// other than JSON-LD are dropped too). iframe keeps its tags: readability
// counts video embeds.
var droppedRaw = map[string]bool{"style": true, "noscript": true, "iframe": true, "noembed": true, "noframes": true}

// droppedTrees holds elements dropped with everything inside them.
var droppedTrees = map[string]bool{"svg": true, "template": true}

// keptAttrs holds the attributes readability and the date fallback read,
// with the length kept of each value.
var keptAttrs = map[string]int{
	"href": 2048, "src": 2048, "srcset": 2048, "poster": 2048,
	"class": 512, "id": 512, "style": 256,
	"content": 2048, "name": 256, "property": 256, "itemprop": 256, "datetime": 256,
	"rel": 256, "lang": 64, "dir": 16, "type": 256, "charset": 64, "http-equiv": 64,
	"hidden": 16, "aria-hidden": 16, "aria-modal": 16, "role": 64,
	"sizes": 64, "width": 16, "height": 16, "rowspan": 16, "colspan": 16, "summary": 256, "datatable": 16,
}

// mediaTags keep all their attributes (short): readability recognises
// lazy-loaded images and video embeds by any attribute's value.
var mediaTags = map[string]bool{
	"img": true, "picture": true, "source": true, "video": true, "audio": true,
	"iframe": true, "embed": true, "object": true, "param": true, "figure": true,
}

// svgBreakout holds the HTML tags that close an unclosed <svg> when the
// parser meets them (outside foreignObject, desc and title).
var svgBreakout = map[string]bool{
	"b": true, "big": true, "blockquote": true, "body": true, "br": true, "center": true, "code": true,
	"dd": true, "div": true, "dl": true, "dt": true, "em": true, "embed": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "head": true, "hr": true, "i": true, "img": true,
	"li": true, "listing": true, "menu": true, "meta": true, "nobr": true, "ol": true, "p": true,
	"pre": true, "ruby": true, "s": true, "small": true, "span": true, "strong": true, "strike": true,
	"sub": true, "sup": true, "table": true, "tt": true, "u": true, "ul": true, "var": true,
}

var (
	attrKey    = regexp.MustCompile(`^[a-z][a-z0-9_:.-]*$`)
	hiddenRule = regexp.MustCompile(`(?i)display\s*:\s*none|visibility\s*:\s*hidden`)
)

// capHTML rewrites a page into what the extractor needs, in one streaming
// pass before any DOM is built: no scripts but JSON-LD, styles, SVG,
// templates, noscript or frame contents, comments, or attributes
// readability does not read; long attribute values cut; and nothing after
// maxPageText bytes of text, maxPageMarkup bytes or maxPageNodes nodes in
// all. Text passes as written and kept tags are rewritten with their kept
// attributes, so the parser builds the same tree less what was dropped.
func capHTML(page []byte) string {
	z := html.NewTokenizer(bytes.NewReader(page))
	var b strings.Builder
	b.Grow(min(len(page), maxPageMarkup) / 4)
	var (
		text     int // bytes
		nodes    int
		dropText bool   // the next text token is a dropped element's contents
		dropEnd  string // and the end tag after it is dropped too
		tree     string
		depth    int // of tree, the dropped element being skipped
		integ    int // depth of SVG's HTML integration points inside it
	)
	for b.Len() < maxPageMarkup && text < maxPageText && nodes < maxPageNodes {
		tt := z.Next()
		if tt == html.ErrorToken {
			break // io.EOF or a read error: the page ends here either way
		}
		skipText, endTag := dropText, dropEnd
		dropText, dropEnd = false, ""
		switch tt {
		case html.TextToken:
			if skipText {
				dropEnd = endTag
				continue
			}
			if depth > 0 {
				continue
			}
			raw := z.Raw()
			if n := maxPageText - text; len(raw) > n {
				for n > 0 && !utf8.RuneStart(raw[n]) {
					n--
				}
				raw = raw[:n]
			}
			text += len(raw)
			nodes++
			b.Write(raw)
		case html.DoctypeToken:
			b.Write(z.Raw())
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			if depth > 0 {
				switch {
				case tag == tree && tt == html.StartTagToken:
					depth++
					continue
				case tree != "svg":
					continue
				case tag == "foreignobject" || tag == "desc" || tag == "title":
					if tt == html.StartTagToken {
						integ++
					}
					continue
				case integ > 0 || !svgBreakout[tag]:
					continue
				}
				depth, integ = 0, 0 // an unclosed <svg> ends at this tag
			}
			if droppedTrees[tag] {
				if tt == html.StartTagToken {
					tree, depth = tag, 1
				}
				continue
			}
			attrs := tagAttrs(z, tag, hasAttr)
			// The tokenizer reads these elements' contents as one text
			// token, then their end tag.
			if tag == "script" && !isJSONLD(attrs) || droppedRaw[tag] && tag != "iframe" {
				dropText, dropEnd = true, tag
				continue
			}
			dropText = tag == "iframe"
			nodes++
			writeTag(&b, tag, attrs, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if depth > 0 {
				switch {
				case tag == tree:
					depth--
				case tree == "svg" && integ > 0 && (tag == "foreignobject" || tag == "desc" || tag == "title"):
					integ--
				}
				continue
			}
			if droppedTrees[tag] || tag == endTag {
				continue
			}
			b.WriteString("</")
			b.WriteString(tag)
			b.WriteString(">")
		}
	}
	return b.String()
}

// tagAttrs returns the attributes of the current tag worth keeping, values
// cut to their limit.
func tagAttrs(z *html.Tokenizer, tag string, more bool) []html.Attribute {
	var attrs []html.Attribute
	for more && len(attrs) < maxTagAttrs {
		var k, v []byte
		k, v, more = z.TagAttr()
		key := string(k)
		limit, ok := keptAttrs[key]
		if !ok && mediaTags[tag] && attrKey.MatchString(key) {
			limit, ok = 2048, true
		}
		if !ok {
			continue
		}
		val := string(v)
		switch {
		case len(val) <= limit:
		case key == "style":
			// Only whether it hides the element matters.
			val = strings.Join(hiddenRule.FindAllString(val, 2), ";")
		case key == "class":
			val = cutString(val, limit)
			if i := strings.LastIndexByte(val, ' '); i > 0 {
				val = val[:i] // whole class names only
			}
		default:
			val = cutString(val, limit)
		}
		attrs = append(attrs, html.Attribute{Key: key, Val: val})
	}
	return attrs
}

// isJSONLD reports whether a script's attributes make it JSON-LD metadata.
func isJSONLD(attrs []html.Attribute) bool {
	for _, a := range attrs {
		if a.Key == "type" {
			return strings.EqualFold(strings.TrimSpace(a.Val), "application/ld+json")
		}
	}
	return false
}

func writeTag(b *strings.Builder, tag string, attrs []html.Attribute, selfClosing bool) {
	b.WriteByte('<')
	b.WriteString(tag)
	for _, a := range attrs {
		b.WriteByte(' ')
		b.WriteString(a.Key)
		b.WriteString(`="`)
		b.WriteString(html.EscapeString(a.Val))
		b.WriteByte('"')
	}
	if selfClosing {
		b.WriteByte('/')
	}
	b.WriteByte('>')
}

// cutString shortens s to at most n bytes without splitting a character.
func cutString(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
