using System.Text;
using System.Text.Json;
using System.Xml;
using Enoe.Data.SingleSignOn;

namespace Enoe.App.SingleSignOn;

/// <summary>
/// A validation's answer as CAS 3.0 writes it (appendix A of the specification): XML in the
/// <c>http://www.yale.edu/tp/cas</c> namespace, or JSON when the client asks <c>format=JSON</c>. Written by
/// XmlWriter and System.Text.Json: a name or class with <c>&lt;</c> or <c>&amp;</c> is escaped, never pasted.
/// </summary>
internal static class CasResponses
{
    private const string Namespace = "http://www.yale.edu/tp/cas";

    public static IResult Validation(CasValidation answer, bool json) =>
        json
            ? Results.Text(Json(answer), "application/json", Encoding.UTF8)
            : Results.Text(Xml(answer), "application/xml", Encoding.UTF8);

    private static string Xml(CasValidation answer)
    {
        var text = new StringBuilder();
        using (
            var xml = XmlWriter.Create(
                text,
                new XmlWriterSettings
                {
                    Indent = true,
                    OmitXmlDeclaration = true,
                    Encoding = Encoding.UTF8,
                }
            )
        )
        {
            xml.WriteStartElement("cas", "serviceResponse", Namespace);
            if (answer.Identity is { } identity)
            {
                xml.WriteStartElement("cas", "authenticationSuccess", Namespace);
                xml.WriteElementString("cas", "user", Namespace, identity.User);
                xml.WriteStartElement("cas", "attributes", Namespace);
                foreach (var (name, values) in identity.Attributes)
                foreach (var value in values)
                    xml.WriteElementString("cas", name, Namespace, value);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            else
            {
                xml.WriteStartElement("cas", "authenticationFailure", Namespace);
                xml.WriteAttributeString("code", answer.Code);
                xml.WriteString(answer.Description);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return text.ToString();
    }

    private static string Json(CasValidation answer) =>
        JsonSerializer.Serialize(
            new
            {
                serviceResponse = answer.Identity is { } identity
                    ? (object)
                        new
                        {
                            authenticationSuccess = new
                            {
                                user = identity.User,
                                attributes = identity.Attributes.ToDictionary(
                                    a => a.Key,
                                    a => a.Value,
                                    StringComparer.Ordinal
                                ),
                            },
                        }
                    : new { authenticationFailure = new { code = answer.Code, description = answer.Description } },
            }
        );

    /// <summary>
    /// The SAML 2 logout request CAS posts to a service as <c>logoutRequest</c> (what phpCAS and mod_auth_cas
    /// read): the ticket the session was given there as its <c>SessionIndex</c>.
    /// </summary>
    public static string LogoutRequest(string ticket, DateTime now)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            xml.WriteStartElement("samlp", "LogoutRequest", "urn:oasis:names:tc:SAML:2.0:protocol");
            xml.WriteAttributeString("xmlns", "saml", null, "urn:oasis:names:tc:SAML:2.0:assertion");
            xml.WriteAttributeString("ID", "LR-" + Guid.NewGuid().ToString("N"));
            xml.WriteAttributeString("Version", "2.0");
            xml.WriteAttributeString(
                "IssueInstant",
                now.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)
            );
            xml.WriteElementString("saml", "NameID", "urn:oasis:names:tc:SAML:2.0:assertion", "@NOT_USED@");
            xml.WriteElementString("samlp", "SessionIndex", "urn:oasis:names:tc:SAML:2.0:protocol", ticket);
            xml.WriteEndElement();
        }
        return text.ToString();
    }
}
