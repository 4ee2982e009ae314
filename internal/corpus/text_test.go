package corpus

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestDecodeText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      []byte
		want    string
		wantErr error
	}{
		{"utf8", []byte("Kenya’s police — in Haïti"), "Kenya’s police — in Haïti", nil},
		{"utf8 bom", []byte("\xef\xbb\xbfHello there"), "Hello there", nil},
		{"utf16 le bom", []byte("\xff\xfeH\x00a\x00\xef\x00t\x00i\x00"), "Haïti", nil},
		{"utf16 be bom", []byte("\xfe\xff\x00H\x00a\x00\xef\x00t\x00i"), "Haïti", nil},
		{"windows-1252", []byte("The caf\xe9 said \x93no\x94 to Ha\xefti\x97twice, in an ordinary English sentence."),
			"The café said “no” to Haïti—twice, in an ordinary English sentence.", nil},
		{"latin-1", []byte("Port-au-Prince \xe9t\xe9 une ville tr\xe8s agit\xe9e, selon les rapports publi\xe9s hier soir."),
			"Port-au-Prince été une ville très agitée, selon les rapports publiés hier soir.", nil},
		{"shift-jis", []byte("\x83n\x83C\x83`\x82\xcc\x8c\x78\x8e\x40\x82\xaa\x8c\xbb\x92\x6e\x82\xc9\x93\x9e\x92\x85"), "", ErrNotUTF8},
		{"undefined 1252 byte", []byte("plain words with a stray \x81 byte in them all along"), "", ErrNotUTF8},
		{"nul bytes", []byte("PK\x03\x04\x00\x00binary"), "", ErrBinary},
		{"control heavy", append([]byte("ab"), []byte(strings.Repeat("\x01\x02\x03x", 20))...), "", ErrBinary},
		{"empty", nil, "", ErrEmptyFile},
		{"blank", []byte(" \n\t\r\n "), "", ErrEmptyFile},
		{"bom only", []byte("\xef\xbb\xbf  \n"), "", ErrEmptyFile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeText(tt.in)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("decodeText error = %v, want %v", err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("decodeText = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestGuessPublished(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		text string
		want time.Time
	}{
		{"labelled iso glued to previous text", "Journal: Vestnik (Vol.25, No. 3)Publication Date: 2025-10-08\nAuthors : S. Tishkov", day(2025, 10, 8)},
		{"published day month year", "Some headline\nPublished: 8 October 2025\n\nBody text.", day(2025, 10, 8)},
		{"published on month day year", "Posted on October 8, 2025 by staff", day(2025, 10, 8)},
		{"abbreviated month with ordinal", "Published Oct. 8th, 2025", day(2025, 10, 8)},
		{"slashes", "Date: 2024/06/25", day(2024, 6, 25)},
		{"published beats modified that comes first", "Last modified: 2025-12-01\nPublished: 2025-10-08", day(2025, 10, 8)},
		{"modified when nothing else", "Body.\nLast modified: 2025-10-08 05:30:49", day(2025, 10, 8)},
		{"labelled beats earlier bare dateline", "25 June 2024\nPublished: 2024-06-26\nText.", day(2024, 6, 26)},
		{"bare dateline in the head", "NAIROBI, 25 June 2024\nKenyan police left for Haiti.", day(2024, 6, 25)},
		{"bare date deep in the body is an event, not a date", "Line one.\nLine two.\nLine three.\nOn 2 October 2023 the Council voted.", time.Time{}},
		{"month and year only", "In October 2023 the Council authorised the mission.", time.Time{}},
		{"impossible date", "Published: 2025-02-30", time.Time{}},
		{"future date refused", "Published: 2027-01-01", time.Time{}},
		{"ancient date refused", "Published: 1066-10-14", time.Time{}},
		{"no date", "Kenyan President William Ruto is on a state visit.", time.Time{}},
		{"bad first labelled date falls through to next", "Published: 2025-13-45\nPosted on 3 March 2025", day(2025, 3, 3)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := guessPublished(tt.text, now); !got.Equal(tt.want) {
				t.Errorf("guessPublished = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestGuessTextTitle(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text, want string
		setApart         bool // the title line becomes a paragraph of its own
	}{
		{"title-case first line", "Leadership of the Republic of Kenya in the Multinational Security Support Mission for Haiti: Experience and Lessons for ad hoc Coalitions\nJournal: Vestnik\nAbstract text.",
			"Leadership of the Republic of Kenya in the Multinational Security Support Mission for Haiti: Experience and Lessons for ad hoc Coalitions", true},
		{"sentence-case line set apart by a blank line", "Kenya police land in Haiti\n\nThe first officers arrived on Tuesday.", "Kenya police land in Haiti", true},
		{"markdown heading", "# Mission funding\n\nThe trust fund is short.", "Mission funding", true},
		{"wrapped prose line is not a title", "The mission was authorised in October 2023 by resolution 2699, which\nwas adopted with thirteen votes in favour.", "The mission was authorised in October 2023 by resolution 2699, which was adopted with…", false},
		{"first line is a paragraph", "The future of the mission hangs in the balance. Ruto raised questions.\nMore text.", "The future of the mission hangs in the balance", false},
		{"boilerplate first line", "Share\n\nThe mission began in June. It grew.", "The mission began in June", false},
		{"single line", "Just one line of text", "Just one line of text", true}, // its only paragraph
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title, body := guessTextTitle(tt.text)
			if title != tt.want {
				t.Errorf("title = %q, want %q", title, tt.want)
			}
			paras := Paragraphs(body)
			if apart := len(paras) > 0 && paras[0] == strings.TrimLeft(tt.want, "# "); apart != tt.setApart {
				t.Errorf("title set apart = %v, want %v (paragraphs %q)", apart, tt.setApart, paras)
			}
			if strings.Join(strings.Fields(strings.ReplaceAll(body, "#", "")), " ") != strings.Join(strings.Fields(strings.ReplaceAll(tt.text, "#", "")), " ") {
				t.Errorf("body words changed: %q", body)
			}
		})
	}
}

func TestStripTrailer(t *testing.T) {
	t.Parallel()
	article := strings.Repeat("The mission faced many difficulties in its first year of deployment. ", 12)
	tests := []struct {
		name, text string
		stripped   bool
	}{
		{"other latest articles list", article + "\nOther Latest Articles\n- First other headline here\n- Second other headline\nLast modified: 2025-10-08 05:30:49\n", true},
		{"related heading", article + "\n\nRelated\n\nAnother story about something\nYet another story\n", true},
		{"no trailer", article + "\nThe end.\n", false},
		{"heading too early", "Related\nshort\n" + article, false},
		{"long paragraph after heading is content", article + "\nRelated\n" + article + "\n", false},
		{"more after than before", strings.Repeat("word ", 120) + "\nRead more\n" + strings.Repeat("a b c d e f g h i j k l\n", 20), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := stripTrailer(tt.text)
			if (got != tt.text) != tt.stripped {
				t.Fatalf("stripped = %v, want %v:\n%s", got != tt.text, tt.stripped, got)
			}
			if tt.stripped && strings.TrimSpace(got) != strings.TrimSpace(article) {
				t.Errorf("left %q, want the article alone", got[max(0, len(got)-80):])
			}
		})
	}
}
