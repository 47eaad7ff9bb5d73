/* The FreeType modules the browser build needs for Noto Sans (TrueType outlines, the
   auto-hinter for ImGui's light hinting, the anti-aliasing rasteriser), instead of the
   full list in FreeType's own ftmodule.h. */
FT_USE_MODULE(FT_Module_Class, autofit_module_class)
FT_USE_MODULE(FT_Driver_ClassRec, tt_driver_class)
FT_USE_MODULE(FT_Module_Class, psnames_module_class)
FT_USE_MODULE(FT_Module_Class, sfnt_module_class)
FT_USE_MODULE(FT_Renderer_Class, ft_smooth_renderer_class)
