// Core holds no UI types; see DESIGN.md "Layout".
[assembly: System.CLSCompliant(false)]
