package dev.stoa.app.learning;

import dev.stoa.command.learning.MediaStore;
import dev.stoa.query.learning.ContentFiles;

/** One content store serves both sides: uploads write through {@link MediaStore}, signed URLs read through {@link ContentFiles}. */
interface ContentStore extends MediaStore, ContentFiles {}
