package main

import "time"

// docJSON is how every command's JSON shows a document, so one reader of
// `bot search`, `sources`, `ask` and `digest` output reads them all: the
// same names, and dates in RFC 3339 or null when unknown.
type docJSON struct {
	DocID     string  `json:"doc_id"`
	Title     string  `json:"title"`
	Source    string  `json:"source"`
	URL       string  `json:"url"`
	Published *string `json:"published"`
}

func newDocJSON(id, title, source, url string, published time.Time) docJSON {
	return docJSON{DocID: id, Title: title, Source: source, URL: url, Published: rfc3339OrNil(published)}
}

func rfc3339OrNil(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

// timeOf is the time a citation's optional date holds, zero when unknown.
func timeOf(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}
