using System.Globalization;
using System.Text;
using System.Xml;
using Enoe.Data.SingleSignOn;
using Microsoft.AspNetCore.Http.Features;

namespace Enoe.App.SingleSignOn;

/// <summary>
/// <c>POST /cas/samlValidate?TARGET=…</c>: the SAML 1.1 validation CAS servers offer, which mod_auth_cas uses
/// (<c>CASValidateSAML On</c>) to read attributes. The request is a SOAP envelope whose
/// <c>samlp:AssertionArtifact</c> is the ticket; the answer a SOAP envelope with a SAML 1.1 response: its status,
/// then an assertion whose conditions name the service, an attribute statement (the subject, then one
/// <c>Attribute</c> per released attribute) and an authentication statement. Clients walk it by position (Status
/// first, Conditions before AttributeStatement, the subject's NameIdentifier first): the order is kept.
/// </summary>
internal static class CasSaml
{
    private const string Soap = "http://schemas.xmlsoap.org/soap/envelope/",
        Protocol = "urn:oasis:names:tc:SAML:1.0:protocol",
        Assertion = "urn:oasis:names:tc:SAML:1.0:assertion",
        AttributeNamespace = "http://www.ja-sig.org/products/cas/";

    /// <summary>A SOAP request is a few hundred bytes: anything much larger is refused unread.</summary>
    private const int MaxRequest = 16 * 1024;

    public static async Task<IResult> ValidateAsync(
        HttpContext http,
        CasService cas,
        TimeProvider clock,
        string? target,
        string? renew
    )
    {
        http.Response.Headers.CacheControl = "no-store";
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxRequest;
        // mod_auth_cas asks renew in the address (TARGET=…&renew=true); older clients appended it to the artifact.
        var (ticket, appended) = await ArtifactAsync(http.Request);
        var renewing = appended || CasEndpoints.IsTrue(renew);
        var answer = ticket is null
            ? CasValidation.Failure(CasCodes.InvalidRequest, "Requête SAML illisible : aucun AssertionArtifact.")
            : await cas.ValidateAsync(ticket, target, renewing, http.RequestAborted);
        return Results.Text(Response(answer, target ?? "", clock.GetUtcNow().UtcDateTime), "text/xml", Encoding.UTF8);
    }

    /// <summary>The envelope's ticket, and whether mod_auth_cas appended <c>&amp;renew=true</c> to it.</summary>
    private static async Task<(string? Ticket, bool Renew)> ArtifactAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxRequest)
            return (null, false);
        var settings = new XmlReaderSettings
        {
            Async = true,
            DtdProcessing = DtdProcessing.Prohibit, // no entities: nothing to expand or fetch
            XmlResolver = null,
            MaxCharactersInDocument = MaxRequest,
        };
        try
        {
            using var reader = XmlReader.Create(request.Body, settings);
            while (await reader.ReadAsync())
                if (reader is { NodeType: XmlNodeType.Element, LocalName: "AssertionArtifact" })
                {
                    var artifact = (await reader.ReadElementContentAsStringAsync()).Trim();
                    var renew = artifact.EndsWith("&renew=true", StringComparison.Ordinal);
                    return (renew ? artifact[..^"&renew=true".Length] : artifact, renew);
                }
        }
        catch (XmlException) { }
        return (null, false);
    }

    private static string Response(CasValidation answer, string service, DateTime now)
    {
        var instant = now.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            xml.WriteStartElement("SOAP-ENV", "Envelope", Soap);
            xml.WriteElementString("SOAP-ENV", "Header", Soap, "");
            xml.WriteStartElement("SOAP-ENV", "Body", Soap);
            xml.WriteStartElement("samlp", "Response", Protocol);
            xml.WriteAttributeString("xmlns", "saml", null, Assertion);
            xml.WriteAttributeString("IssueInstant", instant);
            xml.WriteAttributeString("MajorVersion", "1");
            xml.WriteAttributeString("MinorVersion", "1");
            xml.WriteAttributeString("Recipient", service);
            xml.WriteAttributeString("ResponseID", "_" + Guid.NewGuid().ToString("N"));
            xml.WriteStartElement("samlp", "Status", Protocol);
            xml.WriteStartElement("samlp", "StatusCode", Protocol);
            xml.WriteAttributeString("Value", answer.Identity is null ? "samlp:Responder" : "samlp:Success");
            xml.WriteEndElement();
            if (answer.Identity is null)
                xml.WriteElementString("samlp", "StatusMessage", Protocol, $"{answer.Code}: {answer.Description}");
            xml.WriteEndElement();
            if (answer.Identity is { } identity)
                WriteAssertion(xml, identity, service, now, instant);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return text.ToString();
    }

    private static void WriteAssertion(XmlWriter xml, CasIdentity identity, string service, DateTime now, string at)
    {
        xml.WriteStartElement("saml", "Assertion", Assertion);
        xml.WriteAttributeString("AssertionID", "_" + Guid.NewGuid().ToString("N"));
        xml.WriteAttributeString("IssueInstant", at);
        xml.WriteAttributeString("Issuer", "ENOE");
        xml.WriteAttributeString("MajorVersion", "1");
        xml.WriteAttributeString("MinorVersion", "1");
        xml.WriteStartElement("saml", "Conditions", Assertion);
        xml.WriteAttributeString("NotBefore", at);
        xml.WriteAttributeString(
            "NotOnOrAfter",
            now.AddSeconds(30).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)
        );
        xml.WriteStartElement("saml", "AudienceRestrictionCondition", Assertion);
        xml.WriteElementString("saml", "Audience", Assertion, service);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("saml", "AttributeStatement", Assertion);
        WriteSubject(xml, identity.User);
        foreach (var (name, values) in identity.Attributes)
        {
            xml.WriteStartElement("saml", "Attribute", Assertion);
            xml.WriteAttributeString("AttributeName", name);
            xml.WriteAttributeString("AttributeNamespace", AttributeNamespace);
            foreach (var value in values)
                xml.WriteElementString("saml", "AttributeValue", Assertion, value);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("saml", "AuthenticationStatement", Assertion);
        xml.WriteAttributeString("AuthenticationInstant", at);
        xml.WriteAttributeString("AuthenticationMethod", "urn:oasis:names:tc:SAML:1.0:am:password");
        WriteSubject(xml, identity.User);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteSubject(XmlWriter xml, string user)
    {
        xml.WriteStartElement("saml", "Subject", Assertion);
        xml.WriteElementString("saml", "NameIdentifier", Assertion, user);
        xml.WriteStartElement("saml", "SubjectConfirmation", Assertion);
        xml.WriteElementString("saml", "ConfirmationMethod", Assertion, "urn:oasis:names:tc:SAML:1.0:cm:artifact");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
