using System.Text;
using Enoe.Data.Storage;

namespace Enoe.Tests.Support;

/// <summary>Small files whose first bytes are what their extension says (or, on purpose, are not).</summary>
public static class TestFiles
{
    public static byte[] PdfBytes(string text = "copie", int padTo = 0)
    {
        var bytes = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n%%EOF\n");
        return padTo > bytes.Length ? [.. bytes, .. new byte[padTo - bytes.Length]] : bytes;
    }

    public static FileUpload Pdf(string name = "copie.pdf", string text = "copie", int padTo = 0)
    {
        var bytes = PdfBytes(text, padTo);
        return new FileUpload(name, bytes.Length, new MemoryStream(bytes));
    }

    /// <summary>A Windows program wearing a PDF's name.</summary>
    public static FileUpload DisguisedExe(string name = "devoir.pdf")
    {
        byte[] bytes = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0];
        return new FileUpload(name, bytes.Length, new MemoryStream(bytes));
    }

    public static int FilesOnDisk(string dataDirectory)
    {
        var root = Path.Combine(dataDirectory, "files");
        return Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count() : 0;
    }
}
