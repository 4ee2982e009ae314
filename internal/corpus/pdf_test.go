package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// buildPDF writes a minimal valid PDF: one page per entry of pages, each
// line of a page shown with Helvetica, and an Info dictionary with title.
func buildPDF(title string, pages [][]string) []byte {
	var b bytes.Buffer
	var offsets []int
	obj := func(body string) int {
		offsets = append(offsets, b.Len())
		n := len(offsets)
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, body)
		return n
	}
	esc := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	// Pages: object 2, filled in once the kids are known.
	offsets = append(offsets, 0)
	font := obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	var kids []string
	for _, lines := range pages {
		var content strings.Builder
		content.WriteString("BT /F1 11 Tf 14 TL 72 740 Td\n")
		for i, l := range lines {
			if i > 0 {
				content.WriteString("T* ")
			}
			fmt.Fprintf(&content, "(%s) Tj\n", esc.Replace(l))
		}
		content.WriteString("ET")
		stream := obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", content.Len(), content.String()))
		page := obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", font, stream))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	info := obj(fmt.Sprintf("<< /Title (%s) /Producer (briefbot tests) >>", esc.Replace(title)))
	offsets[1] = b.Len()
	fmt.Fprintf(&b, "2 0 obj\n<< /Type /Pages /Kids [%s] /Count %d >>\nendobj\n", strings.Join(kids, " "), len(kids))
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, info, xref)
	return b.Bytes()
}

var pdfPages = [][]string{
	{"The Multinational Security Support mission was authorised by resolution 2699.", "Kenya offered to lead it with one thousand police officers."},
	{"Funding came through a voluntary trust fund (managed by the UN)."},
}

func TestExtractPDF(t *testing.T) {
	t.Parallel()
	good := buildPDF("Kenya in Haiti (a report)", pdfPages)
	tests := []struct {
		name      string
		data      []byte
		wantTitle string
		wantText  []string
		wantErr   error
	}{
		{"valid", good, "Kenya in Haiti (a report)", []string{"resolution 2699", "one thousand police officers", "voluntary trust fund (managed by the UN)"}, nil},
		{"no text layer", buildPDF("Scan", [][]string{{}}), "", nil, ErrNoText},
		{"not a pdf", []byte("<html>not a pdf</html>"), "", nil, ErrMalformedPDF},
		{"header only", []byte("%PDF-1.4\n"), "", nil, ErrMalformedPDF},
		{"truncated", good[:len(good)/2], "", nil, ErrMalformedPDF},
		{"garbage after header", append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("obj << /Type /Page >> stream \x00\xff endobj\n"), 50)...), "", nil, ErrMalformedPDF},
		{"page tree refers to itself", pdfSelfKids(good), "", nil, ErrMalformedPDF},
		{"xref entry points at another object (reader panics)", pdfSwapXref(good), "", nil, ErrMalformedPDF},
		{"xref points nowhere", bytes.Replace(good, []byte("startxref\n"), []byte("startxref\n9"), 1), "", nil, ErrMalformedPDF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := extractPDF(context.Background(), tt.data, "")
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("extractPDF error = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if d.Title != tt.wantTitle {
				t.Errorf("title = %q, want %q", d.Title, tt.wantTitle)
			}
			text := strings.Join(strings.Fields(d.Text), " ")
			for _, w := range tt.wantText {
				if !strings.Contains(text, w) {
					t.Errorf("text lacks %q: %q", w, text)
				}
			}
		})
	}
}

// TestExtractPDFUsesPDFToText runs a stand-in for poppler's pdftotext: its
// output wins when it has text, and the pure Go reader takes over when it
// fails.
func TestExtractPDFUsesPDFToText(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in is a shell script")
	}
	dir := t.TempDir()
	script := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// Real pdftotext is called as: pdftotext -enc UTF-8 -nopgbrk FILE -
	good := script("good", `[ "$1" = -enc ] && [ "$2" = UTF-8 ] && [ -f "$4" ] && [ "$5" = - ] || exit 9
printf 'Text from poppler about the oﬃce.\n\nSecond paragraph.\n'`)
	bad := script("bad", "echo broken >&2; exit 1")
	data := buildPDF("T", pdfPages)
	for _, tt := range []struct {
		name, bin, want string
	}{
		{"poppler output used", good, "Text from poppler about the oﬃce."},
		{"fallback when it fails", bad, "resolution 2699"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, err := extractPDF(context.Background(), data, tt.bin)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(d.Text, tt.want) {
				t.Errorf("text = %q, want it to contain %q", d.Text, tt.want)
			}
		})
	}
}

// pdfSelfKids makes the page tree's root its own kid, keeping every offset.
func pdfSelfKids(good []byte) []byte {
	i := bytes.Index(good, []byte("/Kids ["))
	out := bytes.Clone(good)
	copy(out[i+len("/Kids ["):], "2 0 R")
	return out
}

// pdfSwapXref swaps the xref entries of objects 1 and 3, so loading the
// catalog finds another object: the reader panics on that.
func pdfSwapXref(good []byte) []byte {
	out := bytes.Clone(good)
	x := bytes.Index(out, []byte("\nxref\n")) + len("\nxref\n")
	lines := bytes.SplitAfter(out[x:], []byte("\n"))
	// lines[0] is "0 N", lines[1] object 0, lines[2] object 1, lines[4] object 3.
	a, c := bytes.Clone(lines[2]), bytes.Clone(lines[4])
	copy(lines[2], c)
	copy(lines[4], a)
	return out
}
