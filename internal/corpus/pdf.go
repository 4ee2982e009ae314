package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
)

// ErrMalformedPDF is returned for a file that claims to be a PDF but cannot
// be read as one.
var ErrMalformedPDF = errors.New("malformed PDF")

// extractPDF reads the text of a PDF. When pdftotext (poppler) is given it
// is tried first, since it handles ligatures and layouts better; the pure Go
// reader is the fallback and the default.
func extractPDF(ctx context.Context, data []byte, pdftotext string) (Document, error) {
	if !bytes.HasPrefix(bytes.TrimLeft(data, "\x00\t\r\n "), []byte("%PDF-")) {
		return Document{}, fmt.Errorf("%w: no %%PDF- header", ErrMalformedPDF)
	}
	if pdftotext != "" {
		if text, err := runPDFToText(ctx, pdftotext, data); err == nil && len(Paragraphs(text)) > 0 {
			return Document{Title: pdfTitle(data), Text: text}, nil
		}
	}
	text, err := readPDFText(ctx, data)
	if err != nil {
		return Document{}, err
	}
	if len(Paragraphs(text)) == 0 {
		return Document{}, fmt.Errorf("PDF: %w (a scan without a text layer needs OCR first)", ErrNoText)
	}
	return Document{Title: pdfTitle(data), Text: text}, nil
}

// pdfReadTimeout bounds the pure Go reader: some malformed files (a page
// tree or object stream that refers to itself) send it into a loop.
const pdfReadTimeout = 20 * time.Second

// maxPageTreeNodes bounds the page tree walked before reading; a real PDF
// has one node per page and a few intermediate ones.
const maxPageTreeNodes = 200_000

// readPDFText extracts text with the pure Go reader, which can panic or
// loop on malformed files. A panic becomes ErrMalformedPDF; a loop is cut
// off by pdfReadTimeout (the reading goroutine cannot be stopped and is
// left to the process's end, a price paid only for such files).
func readPDFText(ctx context.Context, data []byte) (string, error) {
	type result struct {
		text string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		text, err := readPDFTextUnguarded(data)
		done <- result{text, err}
	}()
	timer := time.NewTimer(pdfReadTimeout)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.text, r.err
	case <-timer.C:
		return "", fmt.Errorf("%w: reading took longer than %v", ErrMalformedPDF, pdfReadTimeout)
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func readPDFTextUnguarded(data []byte) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("%w: %v", ErrMalformedPDF, r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrMalformedPDF, err)
	}
	if err := checkPageTree(r.Trailer().Key("Root").Key("Pages"), 0, new(int)); err != nil {
		return "", err
	}
	rd, err := r.GetPlainText()
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrMalformedPDF, err)
	}
	b, err := io.ReadAll(rd)
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrMalformedPDF, err)
	}
	return strings.ToValidUTF8(string(b), ""), nil
}

// checkPageTree refuses a page tree that is too deep or too large, which is
// what a tree referring to itself looks like: the reader would follow it
// forever.
func checkPageTree(node pdf.Value, depth int, seen *int) error {
	if *seen++; depth > 64 || *seen > maxPageTreeNodes {
		return fmt.Errorf("%w: page tree loops or is too large", ErrMalformedPDF)
	}
	if node.Key("Type").Name() != "Pages" {
		return nil
	}
	kids := node.Key("Kids")
	for i := 0; i < kids.Len(); i++ {
		if err := checkPageTree(kids.Index(i), depth+1, seen); err != nil {
			return err
		}
	}
	return nil
}

// pdfTitle returns the Title of the PDF's document information, if any.
func pdfTitle(data []byte) (title string) {
	defer func() {
		if recover() != nil {
			title = ""
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ""
	}
	t := oneLine(r.Trailer().Key("Info").Key("Title").Text())
	if !utf8Printable(t) {
		return ""
	}
	return t
}

func utf8Printable(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return r == '\ufffd' || r < 0x20 })
}

// runPDFToText runs poppler's pdftotext on data through a temporary file
// (it cannot read all PDFs from a pipe).
func runPDFToText(ctx context.Context, bin string, data []byte) (string, error) {
	f, err := os.CreateTemp("", "ingest-*.pdf")
	if err != nil {
		return "", err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	var out, errOut bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, "-enc", "UTF-8", "-nopgbrk", f.Name(), "-")
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("pdftotext: %w: %s", err, strings.TrimSpace(errOut.String()))
	}
	return strings.ToValidUTF8(out.String(), ""), nil
}
