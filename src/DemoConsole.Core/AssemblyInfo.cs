// Core holds no UI types; see DESIGN.md "Layout".
[assembly: System.CLSCompliant(false)]

// Core's own messages (Messages/CoreText.resx) are English; CoreText.ko.resx is the Korean satellite.
[assembly: System.Resources.NeutralResourcesLanguage("en")]
