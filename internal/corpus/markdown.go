package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// frontMatter is the optional YAML header of a markdown document.
type frontMatter struct {
	Title     string   `yaml:"title"`
	Source    string   `yaml:"source"`
	URL       string   `yaml:"url"`
	Published string   `yaml:"published"`
	Lang      string   `yaml:"lang"`
	Links     []string `yaml:"links"`
}

// ParseMarkdown reads a markdown document with optional YAML front matter
// (title, source, url, published as YYYY-MM-DD, lang, links) into a
// Document. Errors name the field to fix.
func ParseMarkdown(data []byte) (Document, error) {
	body := data
	var fm frontMatter
	if rest, ok := bytes.CutPrefix(bytes.TrimLeft(data, "\ufeff"), []byte("---")); ok && (bytes.HasPrefix(rest, []byte("\n")) || bytes.HasPrefix(rest, []byte("\r\n"))) {
		header, after, found := cutLine(rest, "---")
		if !found {
			return Document{}, fmt.Errorf("front matter: no closing --- line")
		}
		if err := yaml.Unmarshal(header, &fm); err != nil {
			return Document{}, fmt.Errorf("front matter: %w", err)
		}
		body = after
	}
	d := Document{Title: strings.TrimSpace(fm.Title), Source: strings.TrimSpace(fm.Source), URL: strings.TrimSpace(fm.URL),
		Lang: strings.TrimSpace(fm.Lang), Links: fm.Links, Text: tableRecords(string(body))}
	if p := strings.TrimSpace(fm.Published); p != "" {
		t, err := time.Parse(time.DateOnly, p)
		if err != nil {
			return Document{}, fmt.Errorf("front matter: published %q is not a YYYY-MM-DD date", p)
		}
		d.Published = t
	}
	if d.Title == "" {
		// A leading "# Heading" is the title when the header gave none.
		for _, line := range strings.Split(d.Text, "\n") {
			if t := strings.TrimSpace(line); t != "" {
				if strings.HasPrefix(t, "# ") {
					d.Title = strings.TrimSpace(t[2:])
				}
				break
			}
		}
	}
	return d, nil
}

// cutLine splits data at the first line that is exactly sep.
func cutLine(data []byte, sep string) (before, after []byte, found bool) {
	lines := bytes.SplitAfter(data, []byte("\n"))
	n := 0
	for _, l := range lines {
		if strings.TrimSpace(string(l)) == sep {
			return data[:n], data[n+len(l):], true
		}
		n += len(l)
	}
	return nil, nil, false
}

// tableRecords rewrites the rows of markdown tables as record lines, one
// per row, each cell under its column's heading ("Source: Reuters; Date:
// 2025-01-20"): a row quoted as an answer then reads as a record, not as
// a run of pipes, and rows are never joined into one sentence. The
// delimiter row goes.
func tableRecords(text string) string {
	lines := strings.Split(text, "\n")
	var header []string
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if !strings.HasPrefix(t, "|") || !strings.HasSuffix(t, "|") || len(t) < 2 {
			header = nil
			continue
		}
		cells := strings.Split(t[1:len(t)-1], "|")
		for j := range cells {
			cells[j] = strings.TrimSpace(cells[j])
		}
		switch {
		case isDelimiterRow(cells):
			lines[i] = ""
		case header == nil:
			header = cells
			lines[i] = ""
		default:
			var parts []string
			for j, c := range cells {
				if c == "" {
					continue
				}
				if j < len(header) && header[j] != "" {
					c = header[j] + ": " + c
				}
				parts = append(parts, c)
			}
			// A paragraph each, opening with a capital, so no row is read
			// as the wrapped end of the one before.
			row := strings.Join(parts, "; ")
			if r, n := utf8.DecodeRuneInString(row); n > 0 {
				row = string(unicode.ToUpper(r)) + row[n:]
			}
			lines[i] = row + "\n"
		}
	}
	return strings.Join(lines, "\n")
}

// isDelimiterRow reports a table's "|---|:---:|" row.
func isDelimiterRow(cells []string) bool {
	for _, c := range cells {
		if strings.Trim(c, "-: ") != "" || !strings.Contains(c, "-") {
			return false
		}
	}
	return len(cells) > 0
}
