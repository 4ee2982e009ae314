package prompts

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		file    string // written to dir/answer.tmpl when set
		dir     string
		want    string // what executing "system" must give
		wantErr string
	}{
		{"embedded", "", "", "You are a research assistant", ""},
		{"folder without the file", "", dir, "You are a research assistant", ""},
		{"folder override", `{{define "system"}}custom {{.Topic}}{{end}}`, dir, "custom T", ""},
		{"broken override", `{{define "system"}}{{.Topic}`, dir, "", "fix the file or remove it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "answer.tmpl")
			os.Remove(path)
			if tt.file != "" {
				if err := os.WriteFile(path, []byte(tt.file), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			tmpl, err := Load(tt.dir, "answer.tmpl")
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), path) {
					t.Fatalf("Load error = %v, want one naming %s and saying %q", err, path, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			data := map[string]any{"Topic": "T", "Description": "", "Today": "2025-11-20", "NoAnswer": "NO_ANSWER", "Open": "<<<PASSAGE", "Close": "<<<END PASSAGE"}
			if err := tmpl.ExecuteTemplate(&b, "system", data); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), tt.want) {
				t.Errorf("system prompt %q lacks %q", b.String(), tt.want)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load("", "nope.tmpl"); err == nil || !strings.Contains(err.Error(), "no such built-in prompt") {
		t.Errorf("unknown prompt: %v", err)
	}
	if _, err := Load("", "../answer.tmpl"); err == nil || !strings.Contains(err.Error(), "file name") {
		t.Errorf("path as name: %v", err)
	}
	// A missing key is an error, not an empty gap in the prompt.
	tmpl, err := Load("", "answer.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	if err := tmpl.ExecuteTemplate(new(bytes.Buffer), "system", map[string]any{}); err == nil {
		t.Error("executing with no data succeeded")
	}
	// A prompts.dir that is not there, or not a folder, fails at start.
	missing := filepath.Join(t.TempDir(), "no-such-folder")
	if _, err := Load(missing, "answer.tmpl"); err == nil || !strings.Contains(err.Error(), "prompts.dir") || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing prompts.dir: %v, want an error naming the key and the path", err)
	}
	file := filepath.Join(t.TempDir(), "file.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(file, "answer.tmpl"); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("prompts.dir naming a file: %v", err)
	}
	if text, err := Default("answer.tmpl"); err != nil || !strings.Contains(text, `{{define "user"`) {
		t.Errorf("Default = %.40q, %v", text, err)
	}
}
