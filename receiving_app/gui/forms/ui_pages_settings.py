# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pages_settings.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout, QWidget

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        SettingsPage.resize(1280, 900)
        self.settingsLayout = QVBoxLayout(SettingsPage)
        self.settingsLayout.setObjectName(u"settingsLayout")
        self.settingsScroll = QScrollArea(SettingsPage)
        self.settingsScroll.setObjectName(u"settingsScroll")
        self.settingsScroll.setWidgetResizable(True)
        self.settingsContents = QWidget()
        self.settingsContents.setObjectName(u"settingsContents")
        self.contentsLayout = QVBoxLayout(self.settingsContents)
        self.contentsLayout.setObjectName(u"contentsLayout")
        self.permissionLabel = QLabel(self.settingsContents)
        self.permissionLabel.setObjectName(u"permissionLabel")
        self.permissionLabel.setWordWrap(True)

        self.contentsLayout.addWidget(self.permissionLabel)

        self.stationGroup = QGroupBox(self.settingsContents)
        self.stationGroup.setObjectName(u"stationGroup")
        self.stationGrid = QGridLayout(self.stationGroup)
        self.stationGrid.setObjectName(u"stationGrid")
        self.stationIdLabel = QLabel(self.stationGroup)
        self.stationIdLabel.setObjectName(u"stationIdLabel")

        self.stationGrid.addWidget(self.stationIdLabel, 0, 0, 1, 1)

        self.stationIdEdit = QLineEdit(self.stationGroup)
        self.stationIdEdit.setObjectName(u"stationIdEdit")
        self.stationIdEdit.setMaxLength(64)

        self.stationGrid.addWidget(self.stationIdEdit, 0, 1, 1, 1)

        self.idleLockLabel = QLabel(self.stationGroup)
        self.idleLockLabel.setObjectName(u"idleLockLabel")

        self.stationGrid.addWidget(self.idleLockLabel, 1, 0, 1, 1)

        self.idleLockSpin = QSpinBox(self.stationGroup)
        self.idleLockSpin.setObjectName(u"idleLockSpin")
        self.idleLockSpin.setMinimum(1)
        self.idleLockSpin.setMaximum(480)

        self.stationGrid.addWidget(self.idleLockSpin, 1, 1, 1, 1)

        self.pageSizeLabel = QLabel(self.stationGroup)
        self.pageSizeLabel.setObjectName(u"pageSizeLabel")

        self.stationGrid.addWidget(self.pageSizeLabel, 2, 0, 1, 1)

        self.pageSizeCombo = QComboBox(self.stationGroup)
        self.pageSizeCombo.setObjectName(u"pageSizeCombo")

        self.stationGrid.addWidget(self.pageSizeCombo, 2, 1, 1, 1)

        self.receiptLayoutLabel = QLabel(self.stationGroup)
        self.receiptLayoutLabel.setObjectName(u"receiptLayoutLabel")

        self.stationGrid.addWidget(self.receiptLayoutLabel, 3, 0, 1, 1)

        self.receiptLayoutCombo = QComboBox(self.stationGroup)
        self.receiptLayoutCombo.setObjectName(u"receiptLayoutCombo")

        self.stationGrid.addWidget(self.receiptLayoutCombo, 3, 1, 1, 1)

        self.stationGrid.setColumnStretch(1, 1)

        self.contentsLayout.addWidget(self.stationGroup)

        self.databaseGroup = QGroupBox(self.settingsContents)
        self.databaseGroup.setObjectName(u"databaseGroup")
        self.databaseGrid = QGridLayout(self.databaseGroup)
        self.databaseGrid.setObjectName(u"databaseGrid")
        self.databaseLabel = QLabel(self.databaseGroup)
        self.databaseLabel.setObjectName(u"databaseLabel")

        self.databaseGrid.addWidget(self.databaseLabel, 0, 0, 1, 1)

        self.databaseValue = QLabel(self.databaseGroup)
        self.databaseValue.setObjectName(u"databaseValue")
        self.databaseValue.setWordWrap(True)
        self.databaseValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.databaseGrid.addWidget(self.databaseValue, 0, 1, 1, 1)

        self.databaseNote = QLabel(self.databaseGroup)
        self.databaseNote.setObjectName(u"databaseNote")
        self.databaseNote.setWordWrap(True)

        self.databaseGrid.addWidget(self.databaseNote, 1, 1, 1, 1)

        self.databaseGrid.setColumnStretch(1, 1)

        self.contentsLayout.addWidget(self.databaseGroup)

        self.printersGroup = QGroupBox(self.settingsContents)
        self.printersGroup.setObjectName(u"printersGroup")
        self.printersLayout = QVBoxLayout(self.printersGroup)
        self.printersLayout.setObjectName(u"printersLayout")

        self.contentsLayout.addWidget(self.printersGroup)

        self.scaleGroup = QGroupBox(self.settingsContents)
        self.scaleGroup.setObjectName(u"scaleGroup")
        self.scaleGrid = QGridLayout(self.scaleGroup)
        self.scaleGrid.setObjectName(u"scaleGrid")
        self.protocolLabel = QLabel(self.scaleGroup)
        self.protocolLabel.setObjectName(u"protocolLabel")

        self.scaleGrid.addWidget(self.protocolLabel, 0, 0, 1, 1)

        self.protocolCombo = QComboBox(self.scaleGroup)
        self.protocolCombo.setObjectName(u"protocolCombo")
        self.protocolCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.protocolCombo.setMinimumContentsLength(24)

        self.scaleGrid.addWidget(self.protocolCombo, 0, 1, 1, 2)

        self.portLabel = QLabel(self.scaleGroup)
        self.portLabel.setObjectName(u"portLabel")

        self.scaleGrid.addWidget(self.portLabel, 1, 0, 1, 1)

        self.portCombo = QComboBox(self.scaleGroup)
        self.portCombo.setObjectName(u"portCombo")
        self.portCombo.setEditable(True)

        self.scaleGrid.addWidget(self.portCombo, 1, 1, 1, 1)

        self.findDevicesButton = QPushButton(self.scaleGroup)
        self.findDevicesButton.setObjectName(u"findDevicesButton")

        self.scaleGrid.addWidget(self.findDevicesButton, 1, 2, 1, 1)

        self.optionsLabel = QLabel(self.scaleGroup)
        self.optionsLabel.setObjectName(u"optionsLabel")

        self.scaleGrid.addWidget(self.optionsLabel, 2, 0, 1, 1)

        self.scaleOptionsEdit = QLineEdit(self.scaleGroup)
        self.scaleOptionsEdit.setObjectName(u"scaleOptionsEdit")

        self.scaleGrid.addWidget(self.scaleOptionsEdit, 2, 1, 1, 2)

        self.liveReadingCheck = QCheckBox(self.scaleGroup)
        self.liveReadingCheck.setObjectName(u"liveReadingCheck")

        self.scaleGrid.addWidget(self.liveReadingCheck, 3, 0, 1, 1)

        self.readingLabel = QLabel(self.scaleGroup)
        self.readingLabel.setObjectName(u"readingLabel")

        self.scaleGrid.addWidget(self.readingLabel, 3, 1, 1, 1)

        self.testScaleButton = QPushButton(self.scaleGroup)
        self.testScaleButton.setObjectName(u"testScaleButton")

        self.scaleGrid.addWidget(self.testScaleButton, 3, 2, 1, 1)

        self.scaleMessage = QLabel(self.scaleGroup)
        self.scaleMessage.setObjectName(u"scaleMessage")
        self.scaleMessage.setWordWrap(True)

        self.scaleGrid.addWidget(self.scaleMessage, 4, 1, 1, 2)

        self.scaleGrid.setColumnStretch(1, 1)

        self.contentsLayout.addWidget(self.scaleGroup)

        self.scannerGroup = QGroupBox(self.settingsContents)
        self.scannerGroup.setObjectName(u"scannerGroup")
        self.scannerGrid = QGridLayout(self.scannerGroup)
        self.scannerGrid.setObjectName(u"scannerGrid")
        self.prefixLabel = QLabel(self.scannerGroup)
        self.prefixLabel.setObjectName(u"prefixLabel")

        self.scannerGrid.addWidget(self.prefixLabel, 0, 0, 1, 1)

        self.prefixEdit = QLineEdit(self.scannerGroup)
        self.prefixEdit.setObjectName(u"prefixEdit")

        self.scannerGrid.addWidget(self.prefixEdit, 0, 1, 1, 1)

        self.suffixLabel = QLabel(self.scannerGroup)
        self.suffixLabel.setObjectName(u"suffixLabel")

        self.scannerGrid.addWidget(self.suffixLabel, 0, 2, 1, 1)

        self.suffixEdit = QLineEdit(self.scannerGroup)
        self.suffixEdit.setObjectName(u"suffixEdit")

        self.scannerGrid.addWidget(self.suffixEdit, 0, 3, 1, 1)

        self.interkeyLabel = QLabel(self.scannerGroup)
        self.interkeyLabel.setObjectName(u"interkeyLabel")

        self.scannerGrid.addWidget(self.interkeyLabel, 1, 0, 1, 1)

        self.interkeySpin = QSpinBox(self.scannerGroup)
        self.interkeySpin.setObjectName(u"interkeySpin")
        self.interkeySpin.setMinimum(5)
        self.interkeySpin.setMaximum(500)

        self.scannerGrid.addWidget(self.interkeySpin, 1, 1, 1, 1)

        self.scannerGrid.setColumnStretch(1, 1)
        self.scannerGrid.setColumnStretch(3, 1)

        self.contentsLayout.addWidget(self.scannerGroup)

        self.contentsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentsLayout.addItem(self.contentsSpacer)

        self.settingsScroll.setWidget(self.settingsContents)

        self.settingsLayout.addWidget(self.settingsScroll)

        self.messageLabel = QLabel(SettingsPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.settingsLayout.addWidget(self.messageLabel)

        self.saveLayout = QHBoxLayout()
        self.saveLayout.setObjectName(u"saveLayout")
        self.saveButton = QPushButton(SettingsPage)
        self.saveButton.setObjectName(u"saveButton")

        self.saveLayout.addWidget(self.saveButton)

        self.revertButton = QPushButton(SettingsPage)
        self.revertButton.setObjectName(u"revertButton")

        self.saveLayout.addWidget(self.revertButton)

        self.saveSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveLayout.addItem(self.saveSpacer)


        self.settingsLayout.addLayout(self.saveLayout)

#if QT_CONFIG(shortcut)
        self.stationIdLabel.setBuddy(self.stationIdEdit)
        self.idleLockLabel.setBuddy(self.idleLockSpin)
        self.pageSizeLabel.setBuddy(self.pageSizeCombo)
        self.receiptLayoutLabel.setBuddy(self.receiptLayoutCombo)
        self.protocolLabel.setBuddy(self.protocolCombo)
        self.portLabel.setBuddy(self.portCombo)
        self.optionsLabel.setBuddy(self.scaleOptionsEdit)
        self.prefixLabel.setBuddy(self.prefixEdit)
        self.suffixLabel.setBuddy(self.suffixEdit)
        self.interkeyLabel.setBuddy(self.interkeySpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsPage)

        QMetaObject.connectSlotsByName(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
#if QT_CONFIG(accessibility)
        SettingsPage.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Station settings", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.settingsScroll.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Station settings", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.permissionLabel.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Who may change the settings", None))
#endif // QT_CONFIG(accessibility)
        self.stationGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Station", None))
#if QT_CONFIG(accessibility)
        self.stationGroup.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Station settings", None))
#endif // QT_CONFIG(accessibility)
        self.stationIdLabel.setText(QCoreApplication.translate("SettingsPage", u"Station &ID", None))
#if QT_CONFIG(accessibility)
        self.stationIdEdit.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Station ID", None))
#endif // QT_CONFIG(accessibility)
        self.idleLockLabel.setText(QCoreApplication.translate("SettingsPage", u"&Lock after (minutes idle)", None))
#if QT_CONFIG(accessibility)
        self.idleLockSpin.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Minutes idle before the station locks", None))
#endif // QT_CONFIG(accessibility)
        self.pageSizeLabel.setText(QCoreApplication.translate("SettingsPage", u"&Page size", None))
#if QT_CONFIG(accessibility)
        self.pageSizeCombo.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Page size for documents", None))
#endif // QT_CONFIG(accessibility)
        self.receiptLayoutLabel.setText(QCoreApplication.translate("SettingsPage", u"&Receipt layout", None))
#if QT_CONFIG(accessibility)
        self.receiptLayoutCombo.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Receipt layout", None))
#endif // QT_CONFIG(accessibility)
        self.databaseGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Database", None))
#if QT_CONFIG(accessibility)
        self.databaseGroup.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Database", None))
#endif // QT_CONFIG(accessibility)
        self.databaseLabel.setText(QCoreApplication.translate("SettingsPage", u"Database", None))
#if QT_CONFIG(accessibility)
        self.databaseValue.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Database address, password hidden", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.databaseNote.setAccessibleName(QCoreApplication.translate("SettingsPage", u"How to change the database", None))
#endif // QT_CONFIG(accessibility)
        self.databaseNote.setText(QCoreApplication.translate("SettingsPage", u"Chosen when the station starts: the --db option or the RECEIVING_APP_DB environment variable.", None))
        self.printersGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Printers, one for each kind of document", None))
#if QT_CONFIG(accessibility)
        self.printersGroup.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Printers for each kind of document", None))
#endif // QT_CONFIG(accessibility)
        self.scaleGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Scale", None))
#if QT_CONFIG(accessibility)
        self.scaleGroup.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Scale", None))
#endif // QT_CONFIG(accessibility)
        self.protocolLabel.setText(QCoreApplication.translate("SettingsPage", u"Pro&tocol", None))
#if QT_CONFIG(accessibility)
        self.protocolCombo.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Scale protocol", None))
#endif // QT_CONFIG(accessibility)
        self.portLabel.setText(QCoreApplication.translate("SettingsPage", u"P&ort", None))
#if QT_CONFIG(accessibility)
        self.portCombo.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Scale port", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.findDevicesButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Look for connected scales and serial ports", None))
#endif // QT_CONFIG(accessibility)
        self.findDevicesButton.setText(QCoreApplication.translate("SettingsPage", u"Look for &devices", None))
        self.optionsLabel.setText(QCoreApplication.translate("SettingsPage", u"Optio&ns", None))
#if QT_CONFIG(accessibility)
        self.scaleOptionsEdit.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Scale options as name=value, separated by commas", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.liveReadingCheck.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Show the live reading", None))
#endif // QT_CONFIG(accessibility)
        self.liveReadingCheck.setText(QCoreApplication.translate("SettingsPage", u"&Live reading", None))
#if QT_CONFIG(accessibility)
        self.readingLabel.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Scale reading", None))
#endif // QT_CONFIG(accessibility)
        self.readingLabel.setText(QCoreApplication.translate("SettingsPage", u"\u2014", None))
#if QT_CONFIG(accessibility)
        self.testScaleButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Test the scale: wait for a stable reading", None))
#endif // QT_CONFIG(accessibility)
        self.testScaleButton.setText(QCoreApplication.translate("SettingsPage", u"T&est scale", None))
#if QT_CONFIG(accessibility)
        self.scaleMessage.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Scale test message", None))
#endif // QT_CONFIG(accessibility)
        self.scannerGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Barcode scanner", None))
#if QT_CONFIG(accessibility)
        self.scannerGroup.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Barcode scanner", None))
#endif // QT_CONFIG(accessibility)
        self.prefixLabel.setText(QCoreApplication.translate("SettingsPage", u"Scan pre&fix", None))
#if QT_CONFIG(accessibility)
        self.prefixEdit.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Characters the scanner sends before each scan", None))
#endif // QT_CONFIG(accessibility)
        self.suffixLabel.setText(QCoreApplication.translate("SettingsPage", u"Scan su&ffix", None))
#if QT_CONFIG(accessibility)
        self.suffixEdit.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Characters the scanner sends after each scan", None))
#endif // QT_CONFIG(accessibility)
        self.interkeyLabel.setText(QCoreApplication.translate("SettingsPage", u"&Longest gap between scanned keys (ms)", None))
#if QT_CONFIG(accessibility)
        self.interkeySpin.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Longest gap in milliseconds between keys of one scan", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Message", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.saveButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Save the settings", None))
#endif // QT_CONFIG(accessibility)
        self.saveButton.setText(QCoreApplication.translate("SettingsPage", u"&Save settings", None))
#if QT_CONFIG(accessibility)
        self.revertButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Undo unsaved changes", None))
#endif // QT_CONFIG(accessibility)
        self.revertButton.setText(QCoreApplication.translate("SettingsPage", u"&Undo changes", None))
    # retranslateUi

