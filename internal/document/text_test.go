package document

import (
	"reflect"
	"slices"
	"testing"
)

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"blank lines separate", "One line\nsame para\n\nNext para", []string{"One line same para", "Next para"}},
		{"crlf and spaces folded", "a  b\r\n\tc\r\n\r\nd", []string{"a b c", "d"}},
		{"web leftovers dropped", "Share.\nText here.\nExit mobile version\n\nAdvertisement\n\n- Related\nMore text.", []string{"Text here.", "More text."}},
		{"headings and list items start paragraphs", "Before\n# Title\nIntro line\n- item one\n- item two\n* item three", []string{"Before", "Title", "Intro line", "- item one", "- item two", "* item three"}},
		{"punctuation-only lines dropped", "***\n---\nReal.", []string{"Real."}},
		{"empty", "\n\n \n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Paragraphs(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Paragraphs = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "One thing. Another thing! A third? Yes.", []string{"One thing.", "Another thing!", "A third?", "Yes."}},
		{"abbreviations", "Mr. Ruto met Dr. Ali on Sept. 25 in the U.S. capital. Then he left.", []string{"Mr. Ruto met Dr. Ali on Sept. 25 in the U.S. capital.", "Then he left."}},
		{"initials", "The article by S. Tishkov appeared in 2025. It was cited.", []string{"The article by S. Tishkov appeared in 2025.", "It was cited."}},
		{"decimals", "Funding rose 3.5 percent. It fell later.", []string{"Funding rose 3.5 percent.", "It fell later."}},
		{"lower-case next word", "It cost approx. ten million. e.g. not a break", []string{"It cost approx. ten million. e.g. not a break"}},
		{"closing quote", `He said "we will go." Then they went.`, []string{`He said "we will go."`, "Then they went."}},
		{"curly quotes open next", "It ended. “We stay,” he said.", []string{"It ended.", "“We stay,” he said."}},
		{"digit starts next", "The vote was held. 13 members voted for it.", []string{"The vote was held.", "13 members voted for it."}},
		{"reference marks", "It is not a UN operation.[3] Personnel were pledged.[1][2] Then [a] came.", []string{"It is not a UN operation.[3]", "Personnel were pledged.[1][2]", "Then [a] came."}},
		{"no final stop", "A fragment without a stop", []string{"A fragment without a stop"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sentences(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Sentences = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParagraphsSplitRecordLines(t *testing.T) {
	text := "Leadership of Kenya in the MSS: Experience and Lessons\n" +
		"Journal: Vestnik RUDN (Vol.25, No. 3)\n" +
		"Authors : Sergey Tishkov;\n" +
		"Page : 366-381\n" +
		"Abstract\n" +
		"The article examines the role of Kenya. It was published in 2025.\n" +
		"Wrapped prose goes on here and\n" +
		"continues in lower case on the next line.\n" +
		"See https://example.org: a link is not a field.\n"
	got := Paragraphs(text)
	want := []string{
		"Leadership of Kenya in the MSS: Experience and Lessons",
		"Journal: Vestnik RUDN (Vol.25, No. 3)",
		"Authors : Sergey Tishkov;",
		"Page : 366-381",
		"Abstract",
		"The article examines the role of Kenya. It was published in 2025. Wrapped prose goes on here and continues in lower case on the next line. See https://example.org: a link is not a field.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Paragraphs =\n%q\nwant\n%q", got, want)
	}
}

func TestIsFieldLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Authors : Sergey Tishkov", true},
		{"Page : 366-381", true},
		{"Publication Date: 12 March 2024", true},
		{"note: lower-case labels are prose", false},
		{"See https://example.org", false},
		// Prose under a heading, two sentences: read sentence by sentence.
		{"DEVELOPMENT 3: The force deploys about 1,000 personnel who arrived between June 2024 and December 2025. On January 22, the envoy announced more.", false},
	}
	for _, tt := range tests {
		if got := IsFieldLine(tt.line); got != tt.want {
			t.Errorf("IsFieldLine(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
