// Each test file's thread gets the native kernel's loader, as the app's entry points do.
import { installNativeKernel } from '../../src-main/native-kernel-loader.js';

installNativeKernel();
